package dev.attento.serve.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.attento.serve.ServerLimits;
import dev.attento.serve.engine.DecodeOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns a translate request's JSON body into a {@link TranslateRequest}, or an
 * {@link ApiException} naming the field and the limit at fault. Unknown fields are errors,
 * so that a misspelt option is not silently ignored.
 */
public final class RequestParser {

  /** The fields a translate request may have, in the order error messages list them. */
  static final List<String> FIELDS = List.of("model", "text", "texts", "beam", "nbest", "lengthPenalty", "maxLength",
      "attention", "noRepeatNgram", "coveragePenalty");

  /** Default beam size, as the project's decoding config has it (capped by the server's limit). */
  static final int DEFAULT_BEAM = 4;

  /** Default GNMT length-penalty α. */
  static final double DEFAULT_LENGTH_PENALTY = 1.0;

  /** Largest length-penalty α accepted; beyond it every ranking is the same. */
  static final double MAX_LENGTH_PENALTY = 10.0;

  /** Largest n-gram size that may be blocked from repeating (fairseq users block 2 to 4). */
  static final int MAX_NO_REPEAT_NGRAM = 10;

  /** Largest coverage-penalty β accepted (GNMT used 0.2; at 1 the penalty already dominates). */
  static final double MAX_COVERAGE_PENALTY = 10.0;

  private final ServerLimits limits;
  private final Set<String> models;
  private final ObjectMapper json;

  /**
   * Creates a parser.
   *
   * @param models the names of the served models; with one, {@code model} may be omitted
   */
  public RequestParser(ServerLimits limits, Set<String> models) {
    this.limits = limits;
    this.models = Set.copyOf(models);
    this.json = JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .build();
    json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(32)
        .maxNumberLength(64)
        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBodyBytes()))
        .build());
  }

  /** Parses and checks a request body. */
  public TranslateRequest parse(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "request body is not valid JSON: " + oneLine(e.getOriginalMessage()), null);
    } catch (IOException e) {
      throw new ApiException(400, "request body could not be read: " + oneLine(e.getMessage()), null);
    }
    if (root == null || !root.isObject()) {
      throw new ApiException(400, "request body must be a JSON object", null);
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ApiException.badField(name.length() > 64 ? name.substring(0, 64) : name, "unknown field " + quote(name) + "; expected one of "
            + String.join(", ", FIELDS));
      }
    }
    String model = model(root.get("model"));
    List<String> texts = texts(root.get("text"), root.get("texts"));
    int beam = integer(root, "beam", 1, limits.maxBeam(), "maxBeam", Math.min(DEFAULT_BEAM, limits.maxBeam()));
    int nbestCap = Math.min(beam, limits.maxNbest());
    int nbest = integer(root, "nbest", 1, nbestCap, nbestCap == beam ? "beam" : "maxNbest", 1);
    double lengthPenalty = number(root.get("lengthPenalty"), "lengthPenalty", MAX_LENGTH_PENALTY,
        DEFAULT_LENGTH_PENALTY);
    int maxLength = integer(root, "maxLength", 1, limits.maxLength(), "maxLength", limits.maxLength());
    JsonNode attention = root.get("attention");
    if (attention != null && !attention.isBoolean() && !attention.isNull()) {
      throw ApiException.badField("attention", "field 'attention' must be true or false");
    }
    boolean wantAttention = attention != null && attention.booleanValue();
    int noRepeatNgram = integer(root, "noRepeatNgram", 0, MAX_NO_REPEAT_NGRAM, null, 0);
    double coveragePenalty = number(root.get("coveragePenalty"), "coveragePenalty", MAX_COVERAGE_PENALTY, 0);
    return new TranslateRequest(model, texts, new DecodeOptions(beam, nbest, lengthPenalty, maxLength, wantAttention,
        noRepeatNgram, coveragePenalty));
  }

  private String model(JsonNode node) {
    if (node == null || node.isNull()) {
      if (models.size() == 1) {
        return models.iterator().next();
      }
      throw ApiException.badField("model", "field 'model' is required when " + models.size()
          + " models are served (GET /v1/models lists them)");
    }
    if (!node.isTextual()) {
      throw ApiException.badField("model", "field 'model' must be a string");
    }
    if (!models.contains(node.textValue())) {
      throw new ApiException(404, "unknown model " + quote(node.textValue()) + " (GET /v1/models lists them)",
          "model");
    }
    return node.textValue();
  }

  private List<String> texts(JsonNode text, JsonNode texts) {
    boolean hasText = text != null && !text.isNull();
    boolean hasTexts = texts != null && !texts.isNull();
    if (hasText == hasTexts) {
      throw ApiException.badField(hasText ? "texts" : "text", "give exactly one of 'text' (a string) and 'texts' "
          + "(a list of strings)");
    }
    if (hasText) {
      return List.of(sentence(text, "text"));
    }
    if (!texts.isArray()) {
      throw ApiException.badField("texts", "field 'texts' must be a list of strings");
    }
    // a request larger than the whole queue could never be taken: it is refused as too large, not as overload
    boolean queueBound = limits.queueCapacity() < limits.maxSentencesPerRequest();
    int most = queueBound ? limits.queueCapacity() : limits.maxSentencesPerRequest();
    if (texts.isEmpty() || texts.size() > most) {
      throw ApiException.badField("texts", "field 'texts' must hold 1 to " + most + " sentences ("
          + (queueBound ? "queueCapacity" : "maxSentencesPerRequest") + "), got " + texts.size());
    }
    List<String> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(sentence(texts.get(i), "texts[" + i + "]"));
    }
    return out;
  }

  private String sentence(JsonNode node, String field) {
    if (!node.isTextual()) {
      throw ApiException.badField(field, "field '" + field + "' must be a string");
    }
    String s = node.textValue();
    if (s.isBlank()) {
      throw ApiException.badField(field, "field '" + field + "' is empty");
    }
    if (s.length() > limits.maxSentenceChars()) {
      throw ApiException.badField(field, "field '" + field + "' has " + s.length() + " characters; the limit is "
          + limits.maxSentenceChars() + " (maxSentenceChars)");
    }
    return s;
  }

  /**
   * An integer from {@code min} to {@code max}, or {@code otherwise} when the field is absent or null;
   * {@code limitName} names the server limit behind {@code max} in the message (null: a fixed bound).
   */
  private static int integer(JsonNode root, String field, int min, int max, String limitName, int otherwise) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return otherwise;
    }
    String range = "field '" + field + "' must be an integer from " + min + " to " + max
        + (limitName == null ? "" : " (" + limitName + ")");
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw ApiException.badField(field, range);
    }
    int v = node.intValue();
    if (v < min || v > max) {
      throw ApiException.badField(field, range + ", got " + v);
    }
    return v;
  }

  /** A number from 0 to {@code max}, or {@code otherwise} when the field is absent or null. */
  private static double number(JsonNode node, String field, double max, double otherwise) {
    if (node == null || node.isNull()) {
      return otherwise;
    }
    double v = node.isNumber() ? node.doubleValue() : Double.NaN;
    if (!(v >= 0 && v <= max)) {
      throw ApiException.badField(field, "field '" + field + "' must be a number from 0 to " + (int) max);
    }
    return v;
  }

  /** A client's string in single quotes, cut short, so that an error message stays one short line. */
  static String quote(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
    return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}

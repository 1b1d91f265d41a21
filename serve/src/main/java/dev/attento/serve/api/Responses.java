package dev.attento.serve.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attento.serve.ServerLimits;
import dev.attento.serve.engine.Hypothesis;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.SentenceResult;
import java.util.Collection;
import java.util.List;

/** The JSON the API answers with. Non-finite numbers from an engine become null, never invalid JSON. */
public final class Responses {

  private final ObjectMapper json = new ObjectMapper();

  /** {@code {"error": {"status", "message", "field"?}}}. */
  public String error(int status, String message, String field) {
    ObjectNode error = json.createObjectNode();
    error.put("status", status);
    error.put("message", message);
    if (field != null) {
      error.put("field", field);
    }
    ObjectNode root = json.createObjectNode();
    root.set("error", error);
    return root.toString();
  }

  /** The answer to a translate request. */
  public String translations(TranslateRequest request, List<SentenceResult> results, double elapsedMs) {
    ObjectNode root = json.createObjectNode();
    root.put("model", request.model());
    ArrayNode out = root.putArray("results");
    for (int i = 0; i < results.size(); i++) {
      SentenceResult r = results.get(i);
      ObjectNode sentence = out.addObject();
      sentence.put("source", request.texts().get(i));
      strings(sentence.putArray("sourceTokens"), r.sourceTokens());
      ArrayNode hyps = sentence.putArray("translations");
      for (Hypothesis h : r.hypotheses()) {
        ObjectNode o = hyps.addObject();
        o.put("text", h.text());
        number(o, "score", h.score());
        strings(o.putArray("tokens"), h.tokens());
        if (h.attention() != null) {
          ArrayNode rows = o.putArray("attention");
          for (List<Double> row : h.attention()) {
            ArrayNode a = rows.addArray();
            row.forEach(w -> {
              if (w != null && Double.isFinite(w)) {
                a.add(w);
              } else {
                a.addNull();
              }
            });
          }
        }
      }
    }
    root.put("elapsedMs", Math.round(elapsedMs * 1000) / 1000.0);
    return root.toString();
  }

  /** The served models and the limits requests must keep to. */
  public String models(Collection<ModelInfo> models, ServerLimits limits) {
    ObjectNode root = json.createObjectNode();
    ArrayNode list = root.putArray("models");
    for (ModelInfo m : models) {
      ObjectNode o = list.addObject();
      o.put("name", m.name());
      o.put("cell", m.cell());
      o.put("attention", m.attention());
      o.put("sourceVocabulary", m.sourceVocabulary());
      o.put("targetVocabulary", m.targetVocabulary());
      o.put("trainingSteps", m.trainingSteps());
      ObjectNode scores = o.putObject("devScores");
      m.devScores().forEach((k, v) -> number(scores, k, v));
    }
    ObjectNode l = root.putObject("limits");
    l.put("maxBodyBytes", limits.maxBodyBytes());
    l.put("maxSentencesPerRequest", limits.maxSentencesPerRequest());
    l.put("maxSentenceChars", limits.maxSentenceChars());
    l.put("maxBeam", limits.maxBeam());
    l.put("maxNbest", limits.maxNbest());
    l.put("maxLength", limits.maxLength());
    l.put("queueCapacity", limits.queueCapacity());
    l.put("batchWindowMs", limits.batchWindowMs());
    l.put("maxBatchSize", limits.maxBatchSize());
    l.put("requestTimeoutMs", limits.requestTimeout().toMillis());
    return root.toString();
  }

  /** {@code {"status": status}}. */
  public String status(String status) {
    return json.createObjectNode().put("status", status).toString();
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static void number(ObjectNode o, String field, Double v) {
    if (v != null && Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }
}

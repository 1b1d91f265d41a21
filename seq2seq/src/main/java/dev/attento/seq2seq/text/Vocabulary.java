package dev.attento.seq2seq.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attento.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ↔ id. Ids 0–3 are the {@link SpecialTokens} every model relies on. Saved with the
 * model as JSON, because ids are meaningless without it.
 */
public final class Vocabulary {

  private static final List<String> SPECIALS = SpecialTokens.TEXTS;

  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> tokens;
  private final Map<String, Integer> ids = new HashMap<>();

  private Vocabulary(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    for (int i = 0; i < this.tokens.size(); i++) {
      ids.put(this.tokens.get(i), i);
    }
  }

  /**
   * The tokens seen at least {@code minFrequency} times, most frequent first (ties in
   * lexicographic order, so the result does not depend on input order), at most
   * {@code maxSize} in all including the specials.
   */
  public static Vocabulary build(Collection<List<String>> sentences, int minFrequency, int maxSize) {
    Map<String, Integer> counts = new HashMap<>();
    for (List<String> s : sentences) {
      for (String t : s) {
        counts.merge(t, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> tokens = new ArrayList<>(SPECIALS);
    for (Map.Entry<String, Integer> e : entries) {
      if (tokens.size() >= maxSize) {
        break;
      }
      if (e.getValue() >= minFrequency && !SPECIALS.contains(e.getKey())) {
        tokens.add(e.getKey());
      }
    }
    return new Vocabulary(tokens);
  }

  /**
   * The specials at their ids, then {@code tokens} in the given order (e.g. a subword model's
   * pieces, which need no counting).
   *
   * @throws IllegalArgumentException if a token repeats or is one of the specials
   */
  public static Vocabulary of(List<String> tokens) {
    List<String> all = new ArrayList<>(SPECIALS);
    all.addAll(tokens);
    Vocabulary v = new Vocabulary(all);
    if (v.ids.size() != all.size()) {
      throw new IllegalArgumentException("vocabulary tokens must be distinct and not one of " + SPECIALS);
    }
    return v;
  }

  /** Number of tokens including the specials. */
  public int size() {
    return tokens.size();
  }

  /** The id of {@code token}, or UNK. */
  public int id(String token) {
    return ids.getOrDefault(token, SpecialTokens.UNK);
  }

  /** The token of {@code id}. */
  public String token(int id) {
    return tokens.get(id);
  }

  /** All tokens in id order. */
  public List<String> tokens() {
    return Collections.unmodifiableList(tokens);
  }

  /** Ids of tokens (no BOS/EOS added). */
  public int[] encode(List<String> sentence) {
    int[] out = new int[sentence.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(sentence.get(i));
    }
    return out;
  }

  /** Tokens of ids, stopping at EOS and skipping PAD and BOS. */
  public List<String> decode(int[] sentence) {
    List<String> out = new ArrayList<>(sentence.length);
    for (int id : sentence) {
      if (id == SpecialTokens.EOS) {
        break;
      }
      if (id != SpecialTokens.PAD && id != SpecialTokens.BOS) {
        out.add(token(id));
      }
    }
    return out;
  }

  /** Writes the vocabulary as JSON, atomically. */
  public void save(Path file) throws IOException {
    Map<String, Object> doc = new java.util.LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("tokens", tokens);
    AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
  }

  /**
   * Reads a vocabulary saved by {@link #save}.
   *
   * @throws IllegalArgumentException naming the file if it is not a valid vocabulary
   */
  public static Vocabulary load(Path file) throws IOException {
    JsonNode doc;
    try {
      doc = JSON.readTree(Files.readString(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not a vocabulary (invalid JSON: " + e.getOriginalMessage() + ")");
    }
    if (doc == null || doc.path("format").asInt(-1) != FORMAT || !doc.path("tokens").isArray()) {
      throw new IllegalArgumentException(file + ": not a vocabulary of format " + FORMAT);
    }
    List<String> tokens = new ArrayList<>();
    doc.get("tokens").forEach(t -> tokens.add(t.asText()));
    if (tokens.size() < SPECIALS.size() || !tokens.subList(0, SPECIALS.size()).equals(SPECIALS)) {
      throw new IllegalArgumentException(file + ": vocabulary must start with " + SPECIALS);
    }
    if (tokens.stream().distinct().count() != tokens.size()) {
      throw new IllegalArgumentException(file + ": vocabulary has duplicate tokens");
    }
    return new Vocabulary(tokens);
  }
}

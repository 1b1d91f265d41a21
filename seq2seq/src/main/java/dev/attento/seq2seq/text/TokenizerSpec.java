package dev.attento.seq2seq.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tokenizer's description, e.g. {@code char} or {@code word:lowercase,fold,elision}: the type
 * and its filters, in the form configs and saved models use.
 *
 * @param type {@code char} or {@code word}
 * @param filters for word level: any of {@code lowercase}, {@code fold} (ASCII folding) and
 *     {@code elision} (split elided articles such as {@code l'}), applied in that order, and
 *     {@code join} (mark where tokens touched, for exact detokenization)
 */
public record TokenizerSpec(String type, List<String> filters) {

  private static final List<String> KNOWN_FILTERS = List.of("lowercase", "fold", "elision", "join");

  public TokenizerSpec {
    filters = List.copyOf(filters);
    if (!type.equals("char") && !type.equals("word")) {
      throw new IllegalArgumentException("unknown tokenizer '" + type + "'; use char or word[:lowercase,fold,elision,join]");
    }
    for (String f : filters) {
      if (!KNOWN_FILTERS.contains(f)) {
        throw new IllegalArgumentException("unknown tokenizer filter '" + f + "'; known: " + String.join(", ", KNOWN_FILTERS));
      }
    }
    if (type.equals("char") && !filters.isEmpty()) {
      throw new IllegalArgumentException("the char tokenizer takes no filters, got " + filters);
    }
  }

  /** Parses {@code char}, {@code word} or {@code word:f1,f2}. */
  public static TokenizerSpec parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    int colon = t.indexOf(':');
    if (colon < 0) {
      return new TokenizerSpec(t, List.of());
    }
    List<String> filters = new ArrayList<>();
    for (String f : t.substring(colon + 1).split(",")) {
      if (!f.isBlank()) {
        filters.add(f.trim());
      }
    }
    return new TokenizerSpec(t.substring(0, colon), filters);
  }

  /** The textual form, {@link #parse}'s inverse. */
  @Override
  public String toString() {
    return filters.isEmpty() ? type : type + ":" + String.join(",", filters);
  }

  /** Builds the tokenizer. */
  public Tokenizer create() {
    return type.equals("char") ? new CharTokenizer() : new LuceneWordTokenizer(this);
  }
}

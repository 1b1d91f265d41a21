package dev.attento.seq2seq.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tokenizer's description, e.g. {@code char}, {@code word:lowercase,fold,elision} or
 * {@code bpe:8000}: the type and its filters or size, in the form configs and saved models use.
 *
 * @param type {@code char}, {@code word} or {@code bpe}
 * @param filters for word level: any of {@code lowercase}, {@code fold} (ASCII folding) and
 *     {@code elision} (split elided articles such as {@code l'}), applied in that order, and
 *     {@code join} (mark where tokens touched, for exact detokenization)
 * @param bpeSize for {@code bpe}: the vocabulary size to learn (at most this many entries,
 *     specials and byte pieces included; default {@link #DEFAULT_BPE_SIZE}); 0 for the others
 */
public record TokenizerSpec(String type, List<String> filters, int bpeSize) {

  /** The vocabulary size of a plain {@code bpe} spec. */
  public static final int DEFAULT_BPE_SIZE = 8000;

  private static final List<String> KNOWN_FILTERS = List.of("lowercase", "fold", "elision", "join");

  /** A {@code char} or {@code word} spec, or a {@code bpe} one of the default size. */
  public TokenizerSpec(String type, List<String> filters) {
    this(type, filters, "bpe".equals(type) ? DEFAULT_BPE_SIZE : 0);
  }

  public TokenizerSpec {
    filters = List.copyOf(filters);
    if (!type.equals("char") && !type.equals("word") && !type.equals("bpe")) {
      throw new IllegalArgumentException("unknown tokenizer '" + type + "'; use char, word[:lowercase,fold,elision,join] or bpe[:SIZE]");
    }
    if (type.equals("bpe") ? bpeSize <= 0 || !filters.isEmpty() : bpeSize != 0) {
      throw new IllegalArgumentException("only bpe takes a size, a positive one and no filters (bpe:" + bpeSize + ", " + filters + ")");
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

  /** Parses {@code char}, {@code word}, {@code word:f1,f2}, {@code bpe} or {@code bpe:N}. */
  public static TokenizerSpec parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    int colon = t.indexOf(':');
    if (colon < 0) {
      return new TokenizerSpec(t, List.of());
    }
    if (t.startsWith("bpe:")) {
      return new TokenizerSpec("bpe", List.of(), parseBpeSize(t.substring(colon + 1).trim()));
    }
    List<String> filters = new ArrayList<>();
    for (String f : t.substring(colon + 1).split(",")) {
      if (!f.isBlank()) {
        filters.add(f.trim());
      }
    }
    return new TokenizerSpec(t.substring(0, colon), filters);
  }

  private static int parseBpeSize(String size) {
    if (size.isEmpty()) {
      return DEFAULT_BPE_SIZE;
    }
    if (!size.matches("[0-9]{1,9}") || Integer.parseInt(size) == 0) {
      throw new IllegalArgumentException("bpe size must be a positive whole number (the vocabulary size), e.g. bpe:"
          + DEFAULT_BPE_SIZE + "; got '" + size + "'");
    }
    return Integer.parseInt(size);
  }

  /** The textual form, {@link #parse}'s inverse ({@code bpe} always with its size). */
  @Override
  public String toString() {
    if (type.equals("bpe")) {
      return "bpe:" + bpeSize;
    }
    return filters.isEmpty() ? type : type + ":" + String.join(",", filters);
  }

  /** Whether the tokenizer must be learned from data (BPE) rather than just {@link #create created}. */
  public boolean needsTraining() {
    return type.equals("bpe");
  }

  /**
   * Builds the tokenizer.
   *
   * @throws IllegalArgumentException for {@code bpe}, which must be learned from texts or loaded from its model file
   */
  public Tokenizer create() {
    if (needsTraining()) {
      throw new IllegalArgumentException("the " + this + " tokenizer must be learned from the training texts "
          + "(BpeTokenizer.learn) or loaded from its model file (BpeTokenizer.load, attento data bpe learn); "
          + "it cannot be made from its name alone");
    }
    return type.equals("char") ? new CharTokenizer() : new LuceneWordTokenizer(this);
  }
}

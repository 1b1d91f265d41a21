package dev.attento.seq2seq.text.bpe;

/**
 * One learned merge: wherever {@code left} is directly followed by {@code right} within a
 * word, the two become the piece {@link #joined()}.
 *
 * @param left the first piece
 * @param right the piece after it
 */
public record Merge(String left, String right) {

  /** The piece the merge makes. */
  public String joined() {
    return left + right;
  }
}

package dev.attento.seq2seq.text.bpe;

import dev.attento.seq2seq.text.SpecialTokens;
import dev.attento.seq2seq.text.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What BPE learned: the alphabet it started from and its merges in the order learned (a
 * merge's rank is its index). Immutable.
 *
 * <p>Its {@link #vocabulary() vocabulary} is, in id order: the four specials of {@link
 * Vocabulary}, the 256 byte pieces, the alphabet, then each merge's piece (once, where two
 * merges spell the same piece). So a {@code bpe:N} tokenizer's vocabulary has at most N entries,
 * {@link #FIXED_PIECES} of them fixed.
 */
public final class BpeModel {

  /** Entries every BPE vocabulary has whatever it learned: the specials and the byte pieces. */
  public static final int FIXED_PIECES = SpecialTokens.TEXTS.size() + 256;

  private final List<String> alphabet;
  private final List<Merge> merges;

  /**
   * A model of an alphabet (single characters, none reserved, no repeats) and merges whose
   * pieces each come from the alphabet or an earlier merge.
   *
   * @throws IllegalArgumentException if the alphabet or a merge breaks these rules
   */
  public BpeModel(List<String> alphabet, List<Merge> merges) {
    this.alphabet = List.copyOf(alphabet);
    this.merges = List.copyOf(merges);
    Set<String> known = new HashSet<>();
    for (String c : this.alphabet) {
      if (c.codePointCount(0, c.length()) != 1 || Pieces.isReserved(c.codePointAt(0)) && !c.equals(Pieces.SPACE)) {
        throw new IllegalArgumentException("BPE alphabet entry '" + c + "' is not one unreserved character");
      }
      if (!known.add(c)) {
        throw new IllegalArgumentException("BPE alphabet has '" + c + "' twice");
      }
    }
    for (int i = 0; i < this.merges.size(); i++) {
      Merge m = this.merges.get(i);
      if (!known.contains(m.left()) || !known.contains(m.right())) {
        throw new IllegalArgumentException("BPE merge " + (i + 1) + " (" + m.left() + " " + m.right()
            + ") uses a piece that neither the alphabet nor an earlier merge makes");
      }
      if (Pieces.isReservedPiece(m.joined())) {
        throw new IllegalArgumentException("BPE merge " + (i + 1) + " makes the reserved piece " + m.joined());
      }
      known.add(m.joined());
    }
  }

  /** The characters learning started from ({@link Pieces#SPACE} for the space), in code point order. */
  public List<String> alphabet() {
    return alphabet;
  }

  /** The merges in the order learned. */
  public List<Merge> merges() {
    return merges;
  }

  /** Every piece the model can output: byte pieces, alphabet, merged pieces (see the class comment). */
  public List<String> pieces() {
    Set<String> pieces = new LinkedHashSet<>(Pieces.bytePieces());
    pieces.addAll(alphabet);
    for (Merge m : merges) {
      pieces.add(m.joined());
    }
    return new ArrayList<>(pieces);
  }

  /** The vocabulary of the model's pieces, after the specials; no piece the model outputs maps to {@code <unk>}. */
  public Vocabulary vocabulary() {
    return Vocabulary.of(pieces());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BpeModel m && m.alphabet.equals(alphabet) && m.merges.equals(merges);
  }

  @Override
  public int hashCode() {
    return 31 * alphabet.hashCode() + merges.hashCode();
  }

  @Override
  public String toString() {
    return "BpeModel[" + alphabet.size() + " characters, " + merges.size() + " merges]";
  }
}

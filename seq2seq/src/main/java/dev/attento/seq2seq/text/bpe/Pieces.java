package dev.attento.seq2seq.text.bpe;

import dev.attento.seq2seq.text.CharTokenizer;
import dev.attento.seq2seq.text.SpecialTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The spelling of BPE pieces, shared by learning, encoding and decoding.
 *
 * <ul>
 *   <li>A space is the visible mark {@link #SPACE} ({@code ▁}, as in SentencePiece and
 *       {@link CharTokenizer}), kept at the start of the word that followed it, so that
 *       pieces never hold whitespace and can be written space-separated.
 *   <li>A byte piece {@code <0xE2>} stands for one byte of a character's UTF-8 encoding. Every
 *       character the model has no piece for is written as its bytes, so no input needs
 *       {@code <unk>}: SentencePiece's byte fallback.
 *   <li>Some characters are always written as bytes, even if seen in training (they are
 *       <em>reserved</em>): whitespace other than the plain space (tab, newline, ideographic
 *       space), control characters, and a literal {@code ▁}, which would otherwise read as a
 *       space. Byte pieces never merge with others.
 * </ul>
 */
public final class Pieces {

  /** The mark of a space. */
  public static final String SPACE = CharTokenizer.SPACE;

  private static final List<String> BYTES = byteNames();

  private Pieces() {}

  private static List<String> byteNames() {
    List<String> names = new ArrayList<>(256);
    for (int b = 0; b < 256; b++) {
      names.add(String.format("<0x%02X>", b));
    }
    return List.copyOf(names);
  }

  /** The 256 byte pieces, {@code <0x00>} to {@code <0xFF>}, in byte order. */
  public static List<String> bytePieces() {
    return BYTES;
  }

  /** The byte piece of {@code b} (0–255). */
  static String bytePiece(int b) {
    return BYTES.get(b & 0xFF);
  }

  /** The byte a byte piece stands for, or -1 if {@code piece} is not one. */
  public static int byteValue(String piece) {
    if (piece.length() != 6 || !piece.startsWith("<0x") || piece.charAt(5) != '>') {
      return -1;
    }
    int hi = hexDigit(piece.charAt(3));
    int lo = hexDigit(piece.charAt(4));
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }

  /** An upper-case hexadecimal digit's value, or -1 (so that {@code <0xe2>} is text, not a byte). */
  private static int hexDigit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** Whether code point {@code cp} is always written as bytes (see the class comment). */
  public static boolean isReserved(int cp) {
    return cp == SPACE.codePointAt(0) || Character.isISOControl(cp)
        || cp != ' ' && Character.isWhitespace(cp)
        || Character.getType(cp) == Character.SURROGATE;
  }

  /**
   * Whether a merge may not produce {@code text}: it would read as a byte piece or as one of
   * the vocabulary's special tokens.
   */
  static boolean isReservedPiece(String text) {
    return byteValue(text) >= 0 || SpecialTokens.TEXTS.contains(text);
  }

  /** The symbol a learned character stands as: {@link #SPACE} for a space, else the character. */
  static String symbolOf(int cp) {
    return cp == ' ' ? SPACE : new String(Character.toChars(cp));
  }
}

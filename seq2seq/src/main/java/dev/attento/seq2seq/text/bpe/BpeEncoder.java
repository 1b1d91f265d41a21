package dev.attento.seq2seq.text.bpe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits a word into a {@link BpeModel}'s pieces: its characters first (a space as {@link
 * Pieces#SPACE}; a character outside the alphabet, or reserved, as its UTF-8 byte pieces), then,
 * as long as some adjacent pair has a merge, the pair of lowest rank is merged wherever it
 * occurs, left to right. That gives a word seen in training the split learning ended with.
 * (Text is expected to be valid Unicode: a lone surrogate becomes the bytes of {@code ?}.)
 *
 * <p>Words repeat, so splits are cached per word (up to {@link #CACHE_LIMIT} words; the cache is
 * safe to share between threads).
 */
public final class BpeEncoder {

  /** Words whose split is remembered; beyond that, words are split afresh each time. */
  public static final int CACHE_LIMIT = 1 << 17;

  private final Map<String, Integer> ranks = new HashMap<>();
  private final List<Merge> merges;
  private final Set<String> alphabet;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  /** An encoder for {@code model}. */
  public BpeEncoder(BpeModel model) {
    this.merges = model.merges();
    this.alphabet = new HashSet<>(model.alphabet());
    for (int i = merges.size() - 1; i >= 0; i--) {
      ranks.put(key(merges.get(i).left(), merges.get(i).right()), i); // the first of repeated merges wins
    }
  }

  /** A pair's lookup key; pieces never hold a space, so it cannot be ambiguous. */
  private static String key(String left, String right) {
    return left + ' ' + right;
  }

  /** Appends the pieces of {@code word} to {@code out}. */
  public void encode(String word, List<String> out) {
    List<String> pieces = cache.get(word);
    if (pieces == null) {
      pieces = List.copyOf(split(word));
      if (cache.size() < CACHE_LIMIT) {
        cache.put(word, pieces);
      }
    }
    out.addAll(pieces);
  }

  private List<String> split(String word) {
    List<String> symbols = new ArrayList<>(word.length());
    word.codePoints().forEach(cp -> {
      String s = Pieces.symbolOf(cp);
      if (alphabet.contains(s) && (cp == ' ' || !Pieces.isReserved(cp))) {
        symbols.add(s);
      } else {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          symbols.add(Pieces.bytePiece(b));
        }
      }
    });
    while (symbols.size() > 1) {
      int best = Integer.MAX_VALUE;
      for (int i = 0; i + 1 < symbols.size(); i++) {
        Integer rank = ranks.get(key(symbols.get(i), symbols.get(i + 1)));
        if (rank != null && rank < best) {
          best = rank;
        }
      }
      if (best == Integer.MAX_VALUE) {
        break;
      }
      mergeAll(symbols, merges.get(best));
    }
    return symbols;
  }

  /** Merges every occurrence of {@code m}'s pair, left to right, as learning did. */
  private static void mergeAll(List<String> symbols, Merge m) {
    int out = 0;
    for (int i = 0; i < symbols.size(); i++) {
      if (i + 1 < symbols.size() && symbols.get(i).equals(m.left()) && symbols.get(i + 1).equals(m.right())) {
        symbols.set(out++, m.joined());
        i++;
      } else {
        symbols.set(out++, symbols.get(i));
      }
    }
    symbols.subList(out, symbols.size()).clear();
  }
}

package dev.attento.seq2seq.text.bpe;

import java.util.Arrays;

/**
 * The adjacent symbol pairs of a {@link BpeLearner}'s words: for each pair an id, its count
 * (occurrences weighted by word frequency) and the words it occurs in. The word lists only
 * grow while a pair exists, so they may name words the pair has since left; the learner checks
 * each word it visits. They let a merge visit only the words that hold its pair instead of
 * recounting the corpus.
 */
final class PairTable {

  // Pair key -> id + 1 (0 = empty slot), open addressing with linear probing: the learner's
  // inner loop looks pairs up millions of times, and boxed HashMap keys cost several times more.
  private long[] slotKeys = new long[4096];
  private int[] slotIds = new int[4096];
  private int size;
  private int[] left = new int[1024];
  private int[] right = new int[1024];
  private long[] count = new long[1024];
  private int[][] words = new int[1024][];
  private int[] wordCount = new int[1024];

  private static long key(int leftSymbol, int rightSymbol) {
    return (long) leftSymbol << 32 | rightSymbol & 0xFFFFFFFFL;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  /** The id of pair ({@code leftSymbol}, {@code rightSymbol}), created (with count 0) if new. */
  int idOf(int leftSymbol, int rightSymbol) {
    long key = key(leftSymbol, rightSymbol);
    int mask = slotIds.length - 1;
    int i = slot(key, mask);
    while (slotIds[i] != 0) {
      if (slotKeys[i] == key) {
        return slotIds[i] - 1;
      }
      i = (i + 1) & mask;
    }
    if (size == left.length) {
      int n = size * 2;
      left = Arrays.copyOf(left, n);
      right = Arrays.copyOf(right, n);
      count = Arrays.copyOf(count, n);
      words = Arrays.copyOf(words, n);
      wordCount = Arrays.copyOf(wordCount, n);
    }
    left[size] = leftSymbol;
    right[size] = rightSymbol;
    words[size] = new int[2];
    slotKeys[i] = key;
    slotIds[i] = size + 1;
    size++;
    if (size * 2 > slotIds.length) {
      rehash();
    }
    return size - 1;
  }

  private void rehash() {
    long[] oldKeys = slotKeys;
    int[] oldIds = slotIds;
    slotKeys = new long[oldKeys.length * 2];
    slotIds = new int[oldIds.length * 2];
    int mask = slotIds.length - 1;
    for (int j = 0; j < oldIds.length; j++) {
      if (oldIds[j] != 0) {
        int i = slot(oldKeys[j], mask);
        while (slotIds[i] != 0) {
          i = (i + 1) & mask;
        }
        slotKeys[i] = oldKeys[j];
        slotIds[i] = oldIds[j];
      }
    }
  }

  /** Number of pairs ever seen (ids are 0 to size - 1). */
  int size() {
    return size;
  }

  int left(int pair) {
    return left[pair];
  }

  int right(int pair) {
    return right[pair];
  }

  long count(int pair) {
    return count[pair];
  }

  void addCount(int pair, long delta) {
    count[pair] += delta;
  }

  /** Notes that {@code word} holds {@code pair}, unless it was the last word noted. */
  void addWord(int pair, int word) {
    int n = wordCount[pair];
    if (n > 0 && words[pair][n - 1] == word) {
      return;
    }
    if (n == words[pair].length) {
      words[pair] = Arrays.copyOf(words[pair], n * 2);
    }
    words[pair][n] = word;
    wordCount[pair] = n + 1;
  }

  /** The words noted for {@code pair}, in its first {@link #wordCount} entries (not a copy). */
  int[] words(int pair) {
    return words[pair];
  }

  int wordCount(int pair) {
    return wordCount[pair];
  }

  /** Forgets the words of a pair that has just been merged everywhere. */
  void clearWords(int pair) {
    words[pair] = new int[2];
    wordCount[pair] = 0;
  }
}

package dev.attento.seq2seq.decode;

import dev.attento.seq2seq.text.SpecialTokens;
import java.util.Arrays;
import java.util.List;

/**
 * N-gram blocking (fairseq's {@code --no-repeat-ngram-size}; Paulus et al. 2018): a token is
 * forbidden next if it would complete an n-gram that the output already holds, which cuts the
 * loops an undertrained model falls into ("roff, roff, roff"). Only emitted tokens count, not
 * BOS. With n = 1 no token may appear twice.
 */
final class RepeatedNgrams {

  private static final int[] NONE = {};

  private RepeatedNgrams() {}

  /**
   * The tokens that may not follow {@code tokens[0..length)}: for every earlier occurrence of
   * the last {@code n - 1} tokens, the token that came after it.
   *
   * @param n the n-gram size; 0 turns blocking off
   */
  static int[] banned(int[] tokens, int length, int n) {
    if (n <= 0 || length < n) {
      return NONE;
    }
    int[] out = new int[length - n + 1];
    int count = 0;
    int suffix = length - n + 1; // start of the last n - 1 tokens
    for (int start = 0; start + n <= length; start++) {
      if (Arrays.equals(tokens, start, start + n - 1, tokens, suffix, length)) {
        out[count++] = tokens[start + n - 1];
      }
    }
    return count == 0 ? NONE : Arrays.copyOf(out, count);
  }

  /** Whether {@code banned} (short, from {@link #banned}) holds {@code token}. */
  static boolean contains(int[] banned, int token) {
    for (int b : banned) {
      if (b == token) {
        return true;
      }
    }
    return false;
  }

  /**
   * The most probable token of a row that does not complete an n-gram already in {@code emitted}:
   * {@code argmax} itself unless it is banned (EOS if everything else is). Greedy search's choice
   * ({@link GreedySearch}, {@link ContinuousGreedySearch}).
   */
  static int bestAllowed(float[] logProbs, int row, int vocab, int argmax, List<Integer> emitted, int n) {
    int[] tokens = emitted.stream().mapToInt(Integer::intValue).toArray();
    int[] banned = banned(tokens, tokens.length, n);
    if (!contains(banned, argmax)) {
      return argmax;
    }
    int best = SpecialTokens.EOS;
    for (int v = 0; v < vocab; v++) {
      if (v != SpecialTokens.PAD && v != SpecialTokens.BOS && !contains(banned, v)
          && logProbs[row + v] > logProbs[row + best]) {
        best = v;
      }
    }
    return best;
  }
}

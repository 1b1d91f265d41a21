package dev.attento.seq2seq.data.cleaning;

import dev.attento.seq2seq.data.SentencePair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Holds out development and test pairs chosen at random by a seed: the same corpus and seed
 * always give the same split (java.util.Random's sequence is fixed by its specification), so
 * a split can be rebuilt from the command that made it. Each part keeps the corpus order.
 */
public final class HeldOutSplit {

  /**
   * The parts.
   *
   * @param train what is not held out
   * @param dev the development pairs
   * @param test the test pairs
   */
  public record Parts(List<SentencePair> train, List<SentencePair> dev, List<SentencePair> test) {}

  private HeldOutSplit() {}

  /**
   * Splits {@code pairs}.
   *
   * @throws IllegalArgumentException if fewer pairs than {@code devSize + testSize} (plus one
   *     for training) are available
   */
  public static Parts split(List<SentencePair> pairs, int devSize, int testSize, long seed) {
    if (devSize < 0 || testSize < 0) {
      throw new IllegalArgumentException("held-out sizes must not be negative, got dev " + devSize + ", test " + testSize);
    }
    if ((long) devSize + testSize >= pairs.size() && devSize + testSize > 0) {
      throw new IllegalArgumentException("cannot hold out " + devSize + " dev and " + testSize + " test pairs from "
          + pairs.size() + " pairs: none would be left for training");
    }
    int[] part = new int[pairs.size()]; // 0 train, 1 dev, 2 test
    List<Integer> order = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    for (int k = 0; k < devSize + testSize; k++) {
      part[order.get(k)] = k < devSize ? 1 : 2;
    }
    List<List<SentencePair>> parts = Arrays.asList(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < pairs.size(); i++) {
      parts.get(part[i]).add(pairs.get(i));
    }
    return new Parts(parts.get(0), parts.get(1), parts.get(2));
  }
}

package dev.attento.seq2seq.tasks;

import dev.attento.core.random.Randomness;
import dev.attento.seq2seq.data.SentencePair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Sequences of random symbols mapped to a rearrangement of themselves: {@code reverse},
 * {@code copy} and {@code sort}. Symbols are short words separated by spaces ({@code s0} …
 * {@code s31}), one token each at word level. The setup matches the PyTorch reference
 * benchmarks: 32 symbols, lengths uniform in 5–25.
 *
 * <p>Reversal is the task of Bahdanau et al.'s argument in miniature: the first output token
 * depends on the last input token, so a fixed context vector must carry the whole sequence,
 * while attention can look the token up; the gap widens with length.
 */
public final class SymbolSequenceTask implements ToyTask {

  private final String name;
  private final String description;
  private final UnaryOperator<List<String>> transform;
  private final int symbols;
  private final int minLength;
  private final int maxLength;

  SymbolSequenceTask(String name, String description, UnaryOperator<List<String>> transform,
                     int symbols, int minLength, int maxLength) {
    this.name = name;
    this.description = description;
    this.transform = transform;
    this.symbols = symbols;
    this.minLength = minLength;
    this.maxLength = maxLength;
  }

  /** Reversal with the given vocabulary and length range. */
  public static SymbolSequenceTask reverse(int symbols, int minLength, int maxLength) {
    return new SymbolSequenceTask("reverse", "reverse a sequence of " + symbols + " symbols, lengths " + minLength
        + "-" + maxLength + ": long-range alignment, where attention beats a fixed context",
        s -> {
          List<String> r = new ArrayList<>(s);
          java.util.Collections.reverse(r);
          return r;
        }, symbols, minLength, maxLength);
  }

  /** Copy with the given vocabulary and length range. */
  public static SymbolSequenceTask copy(int symbols, int minLength, int maxLength) {
    return new SymbolSequenceTask("copy", "copy a sequence of " + symbols + " symbols: the identity, monotonic alignment",
        ArrayList::new, symbols, minLength, maxLength);
  }

  /** Sort with the given vocabulary and length range (symbols ordered by their number). */
  public static SymbolSequenceTask sort(int symbols, int minLength, int maxLength) {
    return new SymbolSequenceTask("sort", "sort a sequence of " + symbols + " symbols: needs the whole input before output",
        s -> {
          List<String> r = new ArrayList<>(s);
          r.sort(java.util.Comparator.comparingInt(t -> Integer.parseInt(t.substring(1))));
          return r;
        }, symbols, minLength, maxLength);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<SentencePair> generate(int count, long seed) {
    UniformRandomProvider r = Randomness.derive(seed, "task/" + name);
    List<SentencePair> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int len = minLength + r.nextInt(maxLength - minLength + 1);
      List<String> s = new ArrayList<>(len);
      for (int j = 0; j < len; j++) {
        s.add("s" + r.nextInt(symbols));
      }
      out.add(new SentencePair(String.join(" ", s), String.join(" ", transform.apply(s))));
    }
    return out;
  }

  @Override
  public String sourceTokenizer() {
    return "word";
  }

  @Override
  public String targetTokenizer() {
    return "word";
  }

  @Override
  public List<String> examples() {
    return List.of("s1 s2 s3 s4 s5", "s7 s30 s12 s12 s0 s9 s21 s4", "s3 s1 s4 s1 s5 s9 s2 s6 s5 s3 s5 s8 s9 s7 s9 s3");
  }
}

package dev.attento.seq2seq.tasks;

import dev.attento.core.random.Randomness;
import dev.attento.seq2seq.data.SentencePair;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * English number words to Italian: "three hundred forty-two" → "trecentoquarantadue". A real
 * (if tiny) translation problem: word order mostly monotonic, but Italian glues the words
 * together and changes them at the joins (ventuno, trentotto, ventitré), so the model must
 * learn a morphology, not a word-for-word lookup. Numbers are drawn uniformly by digit count
 * (1–6 digits), so short and long inputs are equally common. The embedded default of
 * {@code attento train}.
 */
public final class NumbersTask implements ToyTask {

  @Override
  public String name() {
    return "numbers";
  }

  @Override
  public String description() {
    return "English number words to Italian (0-999999): \"three hundred forty-two\" -> \"trecentoquarantadue\"";
  }

  @Override
  public List<SentencePair> generate(int count, long seed) {
    UniformRandomProvider r = Randomness.derive(seed, "task/numbers");
    List<SentencePair> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int digits = 1 + r.nextInt(6);
      int low = digits == 1 ? 0 : (int) Math.pow(10, digits - 1);
      int n = low + r.nextInt((int) Math.pow(10, digits) - low);
      out.add(new SentencePair(EnglishNumbers.spell(n), ItalianNumbers.spell(n)));
    }
    return out;
  }

  @Override
  public String sourceTokenizer() {
    return "word";
  }

  @Override
  public String targetTokenizer() {
    return "char";
  }

  @Override
  public List<String> examples() {
    return List.of("three hundred forty-two", "twenty-one", "eighty-eight thousand one hundred three",
        "two thousand five", "nine hundred ninety-nine thousand nine hundred ninety-nine");
  }

  /** The Italian spelling of {@code n} (0–999,999). */
  public static String italian(int n) {
    return ItalianNumbers.spell(n);
  }

  /** The English spelling of {@code n} (0–999,999). */
  public static String english(int n) {
    return EnglishNumbers.spell(n);
  }
}

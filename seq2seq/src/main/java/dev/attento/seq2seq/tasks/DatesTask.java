package dev.attento.seq2seq.tasks;

import dev.attento.core.random.Randomness;
import dev.attento.seq2seq.data.SentencePair;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * English dates to Italian: "Monday, March 3, 2021" → "lunedì 3 marzo 2021". The order changes
 * (month-day becomes day-month), so alignment is not monotonic; the weekday is computed with
 * java.time, so every pair is a real date. Italian writes the first of the month as an
 * ordinal, "1º gennaio"; half of the dates carry a weekday.
 */
public final class DatesTask implements ToyTask {

  private static final Locale ITALIAN = Locale.ITALIAN;

  @Override
  public String name() {
    return "dates";
  }

  @Override
  public String description() {
    return "English dates to Italian: \"Monday, March 3, 2021\" -> \"lunedì 3 marzo 2021\" (reordering)";
  }

  @Override
  public List<SentencePair> generate(int count, long seed) {
    UniformRandomProvider r = Randomness.derive(seed, "task/dates");
    long first = LocalDate.of(1900, 1, 1).toEpochDay();
    long last = LocalDate.of(2099, 12, 31).toEpochDay();
    List<SentencePair> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      LocalDate d = LocalDate.ofEpochDay(first + r.nextLong(last - first + 1));
      out.add(pair(d, r.nextBoolean()));
    }
    return out;
  }

  /** The English and Italian forms of {@code date}, with or without the weekday. */
  static SentencePair pair(LocalDate date, boolean weekday) {
    String month = date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    String en = month + " " + date.getDayOfMonth() + ", " + date.getYear();
    String day = date.getDayOfMonth() == 1 ? "1º" : String.valueOf(date.getDayOfMonth());
    String it = day + " " + date.getMonth().getDisplayName(TextStyle.FULL, ITALIAN) + " " + date.getYear();
    if (weekday) {
      en = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", " + en;
      it = date.getDayOfWeek().getDisplayName(TextStyle.FULL, ITALIAN) + " " + it;
    }
    return new SentencePair(en, it);
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
    return List.of("March 3, 2021", "Monday, January 1, 2024", "December 25, 1999");
  }
}

package dev.attento.seq2seq.data.cleaning;

import dev.attento.seq2seq.data.Segments;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.text.Placeholders;
import dev.attento.seq2seq.text.Tokenizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters a parallel corpus before training, counting what each filter removed: pairs that
 * teach nothing (identical sides, placeholders only), repeats (which over-weight a sentence
 * and leak between training and held-out data), and pairs whose lengths suggest noise or
 * misalignment. Each dropped pair is counted once, under the first filter that drops it, in
 * the order of {@link CleaningOptions}' components.
 */
public final class Cleaner {

  /** Why a pair is dropped, in the order the filters run. */
  private enum Reason { EMPTY_SIDE, ONLY_PLACEHOLDERS, IDENTICAL, SHORT, LONG, RATIO, DUPLICATE }

  private final CleaningOptions options;
  private final Tokenizer tokenizer;

  /** A cleaner measuring lengths with {@code tokenizer}. */
  public Cleaner(CleaningOptions options, Tokenizer tokenizer) {
    this.options = options;
    this.tokenizer = tokenizer;
  }

  /**
   * What cleaning left.
   *
   * @param kept the remaining pairs, in their original order
   * @param input how many pairs came in
   * @param stripped pairs in which accelerator markers were removed (kept or not)
   * @param dropped dropped pairs counted by reason, in filter order
   * @param markers how the corpus uses each accelerator character (empty unless stripping)
   */
  public record Result(List<SentencePair> kept, int input, int stripped, Map<String, Integer> dropped,
                       List<Accelerators.Usage> markers) {

    public Result {
      markers = List.copyOf(markers);
    }

    /** E.g. {@code 1200 pairs in, 1100 kept; dropped 100: duplicate 80, identical sides 20}. */
    public String summary() {
      StringBuilder sb = new StringBuilder(input + " pairs in, " + kept.size() + " kept");
      if (!dropped.isEmpty()) {
        sb.append("; dropped ").append(input - kept.size()).append(':');
        String sep = " ";
        for (Map.Entry<String, Integer> e : dropped.entrySet()) {
          sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
          sep = ", ";
        }
      }
      if (stripped > 0) {
        sb.append("; accelerators removed in ").append(stripped);
      }
      for (Accelerators.Usage u : markers) {
        if (u.sources() > 0 && !u.used()) {
          sb.append("; ").append(u.marker()).append(" left as text (a marker in both languages in only ")
              .append(u.both()).append(" of ").append(u.sources()).append(" pairs)");
        }
      }
      return sb.toString();
    }
  }

  /** Cleans {@code pairs}. */
  public Result clean(List<SentencePair> pairs) {
    List<SentencePair> kept = new ArrayList<>();
    Map<Reason, Integer> dropped = new EnumMap<>(Reason.class);
    Set<SentencePair> seen = new HashSet<>();
    int stripped = 0;
    List<Accelerators.Usage> usage = List.of();
    String markers = "";
    if (options.stripAccelerators()) {
      usage = Accelerators.usage(pairs.stream().map(p -> new String[] {p.source(), p.target()}).toList());
      markers = Accelerators.usedMarkers(usage);
    }
    for (SentencePair p : pairs) {
      SentencePair q = options.stripAccelerators() ? stripAccelerators(p, markers) : p;
      if (!q.equals(p)) {
        stripped++;
      }
      Reason reason = reasonToDrop(q, seen);
      if (reason == null) {
        kept.add(q);
      } else {
        dropped.merge(reason, 1, Integer::sum);
      }
    }
    Map<String, Integer> byLabel = new LinkedHashMap<>();
    dropped.forEach((r, n) -> byLabel.put(label(r), n));
    return new Result(kept, pairs.size(), stripped, byLabel, usage);
  }

  private String label(Reason r) {
    return switch (r) {
      case EMPTY_SIDE -> "empty side";
      case ONLY_PLACEHOLDERS -> "only placeholders";
      case IDENTICAL -> "identical sides";
      case SHORT -> "shorter than " + options.minLength() + " tokens";
      case LONG -> "longer than " + options.maxLength() + " tokens";
      case RATIO -> "length ratio above " + ratio(options.maxRatio());
      case DUPLICATE -> "duplicate";
    };
  }

  private static SentencePair stripAccelerators(SentencePair p, String markers) {
    return new SentencePair(Segments.oneLine(Accelerators.strip(p.source(), markers)),
        Segments.oneLine(Accelerators.strip(p.target(), markers)));
  }

  /** Why {@code p} goes, or null if it stays; {@code seen} collects the pairs kept. */
  private Reason reasonToDrop(SentencePair p, Set<SentencePair> seen) {
    if (p.source().isEmpty() || p.target().isEmpty()) {
      return Reason.EMPTY_SIDE;
    }
    if (options.dropPlaceholderOnly() && (Placeholders.onlyPlaceholders(p.source()) || Placeholders.onlyPlaceholders(p.target()))) {
      return Reason.ONLY_PLACEHOLDERS;
    }
    if (options.dropIdentical() && p.source().equals(p.target())) {
      return Reason.IDENTICAL;
    }
    int s = tokenizer.tokenize(p.source()).size();
    int t = tokenizer.tokenize(p.target()).size();
    if (Math.min(s, t) < options.minLength()) {
      return Reason.SHORT;
    }
    if (options.maxLength() > 0 && Math.max(s, t) > options.maxLength()) {
      return Reason.LONG;
    }
    if (options.maxRatio() > 0 && Math.max(s, t) > options.maxRatio() * Math.max(1, Math.min(s, t))) {
      return Reason.RATIO;
    }
    if (options.dedupe() && !seen.add(p)) {
      return Reason.DUPLICATE;
    }
    return null;
  }

  private static String ratio(double r) {
    return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
  }
}

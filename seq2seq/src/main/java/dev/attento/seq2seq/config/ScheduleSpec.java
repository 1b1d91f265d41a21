package dev.attento.seq2seq.config;

import dev.attento.core.optim.LearningRateSchedule;
import dev.attento.core.optim.Schedules;
import java.util.Locale;

/**
 * A learning-rate schedule as {@code training.schedule} writes it: {@code constant},
 * {@code step:EVERY:GAMMA}, {@code plateau:PATIENCE:FACTOR[:MIN]}, each optionally after a
 * linear warm-up, {@code warmup:STEPS+<schedule>} ({@code warmup:STEPS} alone warms up to a
 * constant rate). The same grammar as {@link Schedules#parse}, checked when the configuration
 * is read rather than when training starts.
 *
 * @param warmupSteps steps of linear warm-up first (0: none)
 * @param kind the schedule after the warm-up
 * @param steps EVERY for {@code step}, PATIENCE (evaluations) for {@code plateau}, 0 for {@code constant}
 * @param factor GAMMA for {@code step}, FACTOR for {@code plateau}, 0 for {@code constant}
 * @param minRate the lowest rate {@code plateau} goes down to (0 otherwise)
 */
public record ScheduleSpec(long warmupSteps, ScheduleKind kind, long steps, double factor, double minRate) {

  /** What {@code training.schedule} accepts, for messages and docs. */
  public static final String GRAMMAR = "constant, step:EVERY:GAMMA, plateau:PATIENCE:FACTOR[:MIN], "
      + "optionally after warmup:STEPS+";

  /** The same rate throughout. */
  public static final ScheduleSpec CONSTANT = new ScheduleSpec(0, ScheduleKind.CONSTANT, 0, 0, 0);

  public ScheduleSpec {
    boolean ok = kind != null && warmupSteps >= 0 && Double.isFinite(factor) && Double.isFinite(minRate) && switch (kind) {
      case CONSTANT -> steps == 0 && factor == 0 && minRate == 0;
      case STEP -> steps >= 1 && factor > 0 && minRate == 0;
      case PLATEAU -> steps >= 1 && steps <= Integer.MAX_VALUE && factor > 0 && minRate >= 0;
    };
    if (!ok) {
      throw new IllegalArgumentException("schedule not understood; use " + GRAMMAR);
    }
  }

  /**
   * Parses the textual form.
   *
   * @throws IllegalArgumentException if it is not understood or a number is out of range
   */
  public static ScheduleSpec parse(String text) {
    ScheduleSpec spec = parseOrNull(text.trim().toLowerCase(Locale.ROOT));
    if (spec == null) {
      throw new IllegalArgumentException("schedule '" + text + "' not understood; use " + GRAMMAR);
    }
    return spec;
  }

  private static ScheduleSpec parseOrNull(String text) {
    String s = text;
    long warmup = 0;
    try {
      if (s.startsWith("warmup:")) {
        int plus = s.indexOf('+');
        warmup = Long.parseLong(s.substring("warmup:".length(), plus < 0 ? s.length() : plus));
        if (warmup < 1) {
          return null;
        }
        s = plus < 0 ? "constant" : s.substring(plus + 1);
      }
      String[] p = s.split(":", -1);
      return switch (p[0]) {
        case "constant" -> p.length == 1 ? new ScheduleSpec(warmup, ScheduleKind.CONSTANT, 0, 0, 0) : null;
        case "step" -> p.length == 3
            ? new ScheduleSpec(warmup, ScheduleKind.STEP, Long.parseLong(p[1]), Double.parseDouble(p[2]), 0) : null;
        case "plateau" -> p.length == 3 || p.length == 4 ? new ScheduleSpec(warmup, ScheduleKind.PLATEAU,
            Long.parseLong(p[1]), Double.parseDouble(p[2]), p.length == 4 ? Double.parseDouble(p[3]) : 0) : null;
        default -> null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The textual form, {@link #parse}'s inverse (numbers in canonical form). */
  @Override
  public String toString() {
    String main = switch (kind) {
      case CONSTANT -> "constant";
      case STEP -> "step:" + steps + ":" + factor;
      case PLATEAU -> "plateau:" + steps + ":" + factor + (minRate == 0 ? "" : ":" + minRate);
    };
    if (warmupSteps == 0) {
      return main;
    }
    return kind == ScheduleKind.CONSTANT ? "warmup:" + warmupSteps : "warmup:" + warmupSteps + "+" + main;
  }

  /** The schedule for a base learning rate. */
  public LearningRateSchedule create(double baseRate) {
    LearningRateSchedule main = switch (kind) {
      case CONSTANT -> Schedules.constant(baseRate);
      case STEP -> Schedules.stepDecay(baseRate, steps, factor);
      case PLATEAU -> Schedules.plateau(baseRate, (int) steps, factor, minRate);
    };
    return warmupSteps == 0 ? main : Schedules.warmup(warmupSteps, main);
  }
}

package dev.attento.core.optim;

/**
 * The built-in learning-rate schedules and their textual form, as used in configs:
 * {@code constant}, {@code step:EVERY:GAMMA}, {@code plateau:PATIENCE:FACTOR[:MIN]}, and
 * {@code warmup:STEPS+<schedule>} for a linear warm-up in front of any of them.
 */
public final class Schedules {

  private Schedules() {}

  /** The same rate throughout. */
  public static LearningRateSchedule constant(double base) {
    return step -> base;
  }

  /** Multiplies the rate by {@code gamma} every {@code every} steps. */
  public static LearningRateSchedule stepDecay(double base, long every, double gamma) {
    return step -> base * Math.pow(gamma, (step - 1) / every);
  }

  /** Rises linearly from base/steps to base over {@code steps} steps, then follows {@code after}. */
  public static LearningRateSchedule warmup(long steps, LearningRateSchedule after) {
    return new LearningRateSchedule() {
      @Override
      public double rate(long step) {
        double r = after.rate(step);
        return step <= steps ? r * step / steps : r;
      }

      @Override
      public void onEvaluation(double metric) {
        after.onEvaluation(metric);
      }

      @Override
      public double[] state() {
        return after.state();
      }

      @Override
      public void restore(double[] state) {
        after.restore(state);
      }
    };
  }

  /**
   * Reduce-on-plateau: after {@code patience} evaluations without a new best (lowest) metric,
   * multiply the rate by {@code factor}, never going below {@code min}.
   */
  public static LearningRateSchedule plateau(double base, int patience, double factor, double min) {
    return new LearningRateSchedule() {
      private double scale = 1;
      private double best = Double.POSITIVE_INFINITY;
      private int bad;

      @Override
      public double rate(long step) {
        return Math.max(min, base * scale);
      }

      @Override
      public void onEvaluation(double metric) {
        if (metric < best) {
          best = metric;
          bad = 0;
        } else if (++bad > patience) {
          scale *= factor;
          bad = 0;
        }
      }

      @Override
      public double[] state() {
        return new double[] {scale, best, bad};
      }

      @Override
      public void restore(double[] state) {
        scale = state[0];
        best = state[1];
        bad = (int) state[2];
      }
    };
  }

  /**
   * Parses a schedule description.
   *
   * @throws IllegalArgumentException naming the description and the accepted forms
   */
  public static LearningRateSchedule parse(String spec, double base) {
    try {
      String s = spec.trim();
      if (s.startsWith("warmup:")) {
        int plus = s.indexOf('+');
        long steps = Long.parseLong(s.substring("warmup:".length(), plus < 0 ? s.length() : plus));
        return warmup(steps, plus < 0 ? constant(base) : parse(s.substring(plus + 1), base));
      }
      String[] p = s.split(":");
      switch (p[0]) {
        case "constant":
          return constant(base);
        case "step":
          return stepDecay(base, Long.parseLong(p[1]), Double.parseDouble(p[2]));
        case "plateau":
          return plateau(base, Integer.parseInt(p[1]), Double.parseDouble(p[2]), p.length > 3 ? Double.parseDouble(p[3]) : 0);
        default:
          break;
      }
    } catch (RuntimeException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("learning-rate schedule '" + spec + "' not understood; use constant, "
        + "step:EVERY:GAMMA, plateau:PATIENCE:FACTOR[:MIN] or warmup:STEPS[+<schedule>]");
  }
}

package dev.attento.seq2seq.tasks;

import java.util.List;
import java.util.stream.Collectors;

/** The built-in toy tasks by name. */
public final class ToyTasks {

  /** The task {@code attento train} uses when given no data. */
  public static final String DEFAULT = "numbers";

  private ToyTasks() {}

  /** Every built-in task, the default first. */
  public static List<ToyTask> all() {
    return List.of(new NumbersTask(), new DatesTask(), SymbolSequenceTask.reverse(32, 5, 25),
        SymbolSequenceTask.copy(32, 5, 25), SymbolSequenceTask.sort(32, 5, 25));
  }

  /** The task called {@code name}, or an error listing the available ones. */
  public static ToyTask byName(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("unknown task '" + name + "'; available: "
            + all().stream().map(ToyTask::name).collect(Collectors.joining(", "))));
  }
}

package dev.attento.cells;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What loading a model does when a plugin cell's code is not the code the model recorded in
 * its {@link CellPin}: refuse (the default), or load it with a warning, for someone who rebuilt
 * the jar without changing the cell's maths and knows it.
 */
public final class PinPolicy {

  private static final PinPolicy REFUSE = new PinPolicy(null, "");

  /** Where warnings go when a changed jar is loaded anyway; null to refuse. */
  private final Consumer<String> warnings;
  /** Appended to a refusal: how to load the model anyway, in the caller's terms. */
  private final String override;

  private PinPolicy(Consumer<String> warnings, String override) {
    this.warnings = warnings;
    this.override = override;
  }

  /** Refuses a changed plugin jar. */
  public static PinPolicy refuse() {
    return REFUSE;
  }

  /**
   * Refuses a changed plugin jar, saying how to load it anyway.
   *
   * @param override how the caller overrides the refusal, e.g. {@code "--accept-changed-plugins"}
   */
  public static PinPolicy refuse(String override) {
    return new PinPolicy(null, " (" + Objects.requireNonNull(override) + " loads it anyway)");
  }

  /**
   * Loads a changed plugin jar and reports the difference to {@code warnings} (one line).
   */
  public static PinPolicy loadAnyway(Consumer<String> warnings) {
    return new PinPolicy(Objects.requireNonNull(warnings), "");
  }

  /** True if a changed jar is refused. */
  public boolean refuses() {
    return warnings == null;
  }

  /**
   * Applies the policy to a difference between the recorded and the loaded plugin.
   *
   * @param difference what differs, one line without a verdict
   * @throws CellRegistryException if the policy refuses
   */
  void mismatch(String difference) {
    if (refuses()) {
      throw new CellRegistryException(difference + "; refusing to load it" + override);
    }
    warnings.accept(difference + "; loading it anyway, as asked");
  }
}

package dev.attento.cells.spi;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Everything a provider needs to build a cell.
 *
 * @param inputSize features of each input step {@code x_t}
 * @param hiddenSize size of the hidden state (and of the output)
 * @param options option values, complete with defaults (see {@link CellProvider#options()})
 * @param random the run's seeded generator, for initialising parameters reproducibly
 * @param initialise whether to draw the initial weights: {@code false} when the model is being
 *     loaded from a checkpoint, whose weights then overwrite every parameter. A cell may then
 *     leave its parameters zero (the built-in ones do: an orthogonal matrix of 1024 × 1024 costs
 *     about a second), but must still create every parameter, with its name and shape
 */
public record CellSpec(int inputSize, int hiddenSize, Map<String, String> options, UniformRandomProvider random,
                       boolean initialise) {

  public CellSpec {
    if (inputSize <= 0 || hiddenSize <= 0) {
      throw new IllegalArgumentException("cell sizes must be positive, got input " + inputSize
          + " and hidden " + hiddenSize);
    }
    options = Map.copyOf(options);
  }

  /** A spec for a new cell, whose weights are drawn ({@code initialise} true). */
  public CellSpec(int inputSize, int hiddenSize, Map<String, String> options, UniformRandomProvider random) {
    this(inputSize, hiddenSize, options, random, true);
  }

  /** The value of an option (present after validation, since defaults are filled in). */
  public String option(String name) {
    String v = options.get(name);
    if (v == null) {
      throw new IllegalArgumentException("cell option '" + name + "' is not set; known: " + options.keySet());
    }
    return v;
  }

  /** An option parsed as a float, with the option named in the error. */
  public float floatOption(String name) {
    String v = option(name);
    try {
      return Float.parseFloat(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cell option '" + name + "' must be a number, got '" + v + "'");
    }
  }
}

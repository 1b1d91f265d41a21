package dev.attento.cells.kit;

/**
 * The sizes the conformance kit builds and runs a cell at. {@link #DEFAULT} is big enough for
 * bugs that toy shapes hide (a transposed square matrix, a hidden size mistaken for the input
 * size, a batch or time index off by one) and small enough that the finite-difference check of
 * every element takes a few seconds; {@link #LARGE} is the optional thorough mode, checking a
 * sample of each tensor's elements.
 *
 * @param input features of the input
 * @param hidden size of the state
 * @param batch rows
 * @param time steps of a sequence (at least 3: one row is padded for the last two)
 * @param maxElementsChecked per tensor, how many elements the gradient check perturbs
 * @param epsilon the finite-difference step. Float32 rounding noise in the difference quotient
 *     grows with the square root of the number of outputs and shrinks with the step, so the
 *     larger sizes take a larger step (the truncation error, ε² times a third derivative,
 *     stays below 1e-5 relative either way)
 */
public record KitSizes(int input, int hidden, int batch, int time, int maxElementsChecked, double epsilon) {

  /** Input 7, hidden 12, batch 5, time 6; every element's gradient checked; step 1e-3. */
  public static final KitSizes DEFAULT = new KitSizes(7, 12, 5, 6, 4096, 1e-3);
  /** Input 48, hidden 96, batch 8, time 12; 300 sampled elements of each tensor checked; step 3e-3. */
  public static final KitSizes LARGE = new KitSizes(48, 96, 8, 12, 300, 3e-3);

  /** Checks the sizes. */
  public KitSizes {
    if (input < 1 || hidden < 1 || batch < 2 || time < 3 || maxElementsChecked < 1 || !(epsilon > 0)) {
      throw new IllegalArgumentException("kit sizes need input, hidden >= 1, batch >= 2, time >= 3, a positive step; got input "
          + input + ", hidden " + hidden + ", batch " + batch + ", time " + time + ", step " + epsilon);
    }
  }

  /** Length of row 0 of the kit's padded batches: the last two steps are padding. */
  int shortLength() {
    return time - 2;
  }
}

package dev.attento.core.tensor;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major order: a {@code float[]} and a shape, nothing else.
 *
 * <p>A tensor knows nothing of gradients. Which tensors are differentiated, and how, is the
 * business of the {@link dev.attento.core.autodiff.Tape} of a forward pass; the gradients it
 * computes come back as {@link dev.attento.core.autodiff.Gradients}, keyed by tensor. Ops never
 * change a tensor they were given, so one tensor (a parameter, an encoder output) can be read
 * by several threads at once; only an optimizer step writes to parameters, between passes.
 */
public final class Tensor {

  private final float[] data;
  private final int[] shape;

  private Tensor(float[] data, int[] shape) {
    this.data = data;
    this.shape = shape;
  }

  /** Wraps {@code data} (not copied) with the given shape; the element count must match. */
  public static Tensor of(float[] data, int... shape) {
    int[] s = shape.clone();
    int n = Shapes.size(s);
    if (n != data.length) {
      throw new IllegalArgumentException(
          "data of length " + data.length + " does not fit shape " + Shapes.toString(s) + " (" + n + " elements)");
    }
    return new Tensor(data, s);
  }

  /** A tensor of zeros. */
  public static Tensor zeros(int... shape) {
    return new Tensor(new float[Shapes.size(shape)], shape.clone());
  }

  /** A tensor filled with {@code value}. */
  public static Tensor full(float value, int... shape) {
    float[] d = new float[Shapes.size(shape)];
    Arrays.fill(d, value);
    return new Tensor(d, shape.clone());
  }

  /** A rank-0 tensor holding one value. */
  public static Tensor scalar(float value) {
    return new Tensor(new float[] {value}, new int[0]);
  }

  /** The raw row-major data; writing to it changes the tensor. */
  public float[] data() {
    return data;
  }

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  /** Size of dimension {@code i}; negative indices count from the end. */
  public int dim(int i) {
    return shape[i < 0 ? shape.length + i : i];
  }

  /** Number of dimensions. */
  public int rank() {
    return shape.length;
  }

  /** Number of elements. */
  public int size() {
    return data.length;
  }

  /** The single value of a one-element tensor. */
  public float item() {
    if (data.length != 1) {
      throw new IllegalStateException("item() needs one element, shape is " + Shapes.toString(shape));
    }
    return data[0];
  }

  /** The element at a full index. */
  public float get(int... index) {
    return data[Shapes.offset(shape, index)];
  }

  /** Sets the element at a full index (no gradient is recorded). */
  public void set(float value, int... index) {
    data[Shapes.offset(shape, index)] = value;
  }

  /** A deep copy of the data. */
  public Tensor copy() {
    return new Tensor(data.clone(), shape);
  }

  @Override
  public String toString() {
    return TensorFormat.format(this);
  }
}

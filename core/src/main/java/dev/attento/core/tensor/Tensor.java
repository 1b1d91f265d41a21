package dev.attento.core.tensor;

import dev.attento.core.autodiff.Node;
import java.util.Arrays;

/**
 * A dense float32 tensor in row-major order, and a vertex of the autodiff graph.
 *
 * <p>Data live in one {@code float[]}; the shape is checked by every op. A tensor that
 * {@linkplain #requiresGrad() requires a gradient} collects ∂loss/∂this in {@link #grad()}
 * when {@link #backward()} runs on a scalar loss that depends on it. Tensors made by ops
 * while gradients are recorded carry the {@link Node} that produced them; leaves (inputs and
 * parameters) carry none.
 *
 * <p>Tensors are not thread-safe: one training loop owns its graph.
 */
public final class Tensor {

  private final float[] data;
  private final int[] shape;
  private float[] grad;
  private boolean requiresGrad;
  private Node node;

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

  /** A trainable parameter: a leaf that requires a gradient. */
  public static Tensor parameter(float[] data, int... shape) {
    return of(data, shape).requireGrad();
  }

  /** Marks this leaf as requiring a gradient and returns it. */
  public Tensor requireGrad() {
    if (node != null) {
      throw new IllegalStateException("only leaf tensors can be marked as requiring a gradient");
    }
    this.requiresGrad = true;
    return this;
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

  /** Whether gradients flow into this tensor. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** The accumulated gradient, or {@code null} if none has been computed. */
  public float[] grad() {
    return grad;
  }

  /** The gradient as a tensor of this shape (zeros if none was computed). */
  public Tensor gradTensor() {
    return grad == null ? zeros(shape) : of(grad.clone(), shape);
  }

  /**
   * The gradient buffer, allocated as zeros on first use. Ops' backward functions accumulate
   * into it with {@code +=}, because a tensor used twice receives the sum of both gradients.
   */
  public float[] gradBuffer() {
    if (node == null && requiresGrad) {
      // A parameter, on a thread that collects its gradients privately (see GradientSink).
      float[] privateBuffer = dev.attento.core.autodiff.GradientSink.bufferFor(this);
      if (privateBuffer != null) {
        return privateBuffer;
      }
    }
    if (grad == null) {
      grad = new float[data.length];
    }
    return grad;
  }

  /** Forgets the gradient (optimizers call this after a step). */
  public void zeroGrad() {
    if (grad != null) {
      Arrays.fill(grad, 0f);
    }
  }

  /** Drops the gradient buffer altogether, to free memory. */
  public void releaseGrad() {
    grad = null;
  }

  /** The op that produced this tensor, or {@code null} for a leaf. */
  public Node node() {
    return node;
  }

  /**
   * Attaches the graph node that produced this tensor. Called by {@link
   * dev.attento.core.autodiff.Autodiff#record}; not for general use.
   */
  public void attach(Node producer) {
    this.node = producer;
    this.requiresGrad = true;
  }

  /** A tensor sharing this one's data but cut from the graph: no gradient flows back through it. */
  public Tensor detach() {
    return new Tensor(data, shape);
  }

  /** A deep copy of the data, detached from the graph. */
  public Tensor copy() {
    return new Tensor(data.clone(), shape);
  }

  /** Back-propagates from this scalar: fills {@link #grad()} of every tensor it depends on. */
  public void backward() {
    dev.attento.core.autodiff.Autodiff.backward(this);
  }

  @Override
  public String toString() {
    return TensorFormat.format(this);
  }
}

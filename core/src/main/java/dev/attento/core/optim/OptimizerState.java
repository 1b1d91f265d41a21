package dev.attento.core.optim;

import dev.attento.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per-parameter buffers (momentum, Adam's moments) and the step counter, with the checkpoint
 * round trip that every optimizer needs, in one place.
 */
final class OptimizerState {

  private final String kind;
  private final List<Tensor> parameters;
  private final String[] bufferNames;
  private final float[][][] buffers;
  long steps;

  OptimizerState(String kind, List<Tensor> parameters, String... bufferNames) {
    this.kind = kind;
    this.parameters = List.copyOf(parameters);
    this.bufferNames = bufferNames;
    this.buffers = new float[bufferNames.length][parameters.size()][];
    for (int b = 0; b < bufferNames.length; b++) {
      for (int i = 0; i < parameters.size(); i++) {
        buffers[b][i] = new float[parameters.get(i).size()];
      }
    }
  }

  List<Tensor> parameters() {
    return parameters;
  }

  float[] buffer(int which, int parameter) {
    return buffers[which][parameter];
  }

  Map<String, Tensor> export(double learningRate) {
    Map<String, Tensor> out = new java.util.LinkedHashMap<>();
    // float32 holds integers exactly up to 2^24 (16.7 million steps), far beyond any run here.
    out.put(kind + ".steps", Tensor.of(new float[] {steps}, 1));
    out.put(kind + ".lr", Tensor.of(new float[] {(float) learningRate}, 1));
    for (int b = 0; b < bufferNames.length; b++) {
      for (int i = 0; i < parameters.size(); i++) {
        out.put(kind + "." + bufferNames[b] + "." + i, Tensor.of(buffers[b][i].clone(), parameters.get(i).shape()));
      }
    }
    return out;
  }

  /** Restores buffers and steps; returns the saved learning rate. */
  double restore(Map<String, Tensor> state) {
    Tensor s = require(state, kind + ".steps", 1);
    for (int b = 0; b < bufferNames.length; b++) {
      for (int i = 0; i < parameters.size(); i++) {
        Tensor t = require(state, kind + "." + bufferNames[b] + "." + i, parameters.get(i).size());
        if (!Arrays.equals(t.shape(), parameters.get(i).shape())) {
          throw new IllegalArgumentException("optimizer state " + kind + "." + bufferNames[b] + "." + i + " has shape "
              + Arrays.toString(t.shape()) + " but the parameter has " + Arrays.toString(parameters.get(i).shape()));
        }
      }
    }
    int expected = 2 + bufferNames.length * parameters.size();
    if (state.size() != expected) {
      throw new IllegalArgumentException("optimizer state has " + state.size() + " entries, expected " + expected
          + " for " + parameters.size() + " parameters (" + kind + ")");
    }
    for (int b = 0; b < bufferNames.length; b++) {
      for (int i = 0; i < parameters.size(); i++) {
        float[] src = state.get(kind + "." + bufferNames[b] + "." + i).data();
        System.arraycopy(src, 0, buffers[b][i], 0, src.length);
      }
    }
    steps = (long) s.item();
    return require(state, kind + ".lr", 1).item();
  }

  private Tensor require(Map<String, Tensor> state, String name, int size) {
    Tensor t = state.get(name);
    if (t == null) {
      throw new IllegalArgumentException("optimizer state lacks '" + name + "' (is it from a different optimizer or model?)");
    }
    if (t.size() != size) {
      throw new IllegalArgumentException("optimizer state '" + name + "' has " + t.size() + " values, expected " + size);
    }
    return t;
  }
}

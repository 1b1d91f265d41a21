package dev.attento.seq2seq.model;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.SourceBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random batches and gradient snapshots for the tests that compare two ways of computing the same thing. */
public final class TestBatches {

  private TestBatches() {}

  /** {@code batch} sources of random lengths 1…{@code length}, token ids from 3 to {@code 3 + symbols - 1}. */
  public static SourceBatch randomSources(Random r, int batch, int length, int symbols) {
    int[] ids = new int[batch * length];
    int[] lengths = new int[batch];
    for (int b = 0; b < batch; b++) {
      lengths[b] = 1 + r.nextInt(length);
      for (int t = 0; t < lengths[b]; t++) {
        ids[b * length + t] = 3 + r.nextInt(symbols);
      }
    }
    return new SourceBatch(ids, lengths, length);
  }

  /** A copy of each parameter's gradient, in the order of {@code params} (zeros where none was computed). */
  public static List<float[]> takeGradients(List<Tensor> params, Gradients gradients) {
    List<float[]> out = new ArrayList<>();
    for (Tensor p : params) {
      out.add(gradients.tensor(p).data());
    }
    return out;
  }
}

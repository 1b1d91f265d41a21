package dev.attento.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The serial tail of a training step — summing shards' gradients, clipping, Adam — shared out
 * over a pool's threads must give the same bits as on one thread, for every thread count.
 */
class SlicedUpdateTest {

  private static final int[] SIZES = {70_001, 5, 40_000, 9_000};

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void shardSumClippingAndAdamGiveTheSameBitsOnAnyThreadCount(int threads) {
    float[][] serial = train(WorkerPool.single());
    float[][] parallel;
    try (WorkerPool pool = WorkerPool.create(threads)) {
      parallel = train(pool);
    }
    for (int p = 0; p < SIZES.length; p++) {
      assertArrayEquals(serial[p], parallel[p], "parameter " + p);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void theNormIsTheSameOnAnyThreadCountAndMatchesAPlainSum(int threads) {
    List<Tensor> params = parameters(new Random(1));
    Gradients g = randomGradients(params, new Random(2), 1f);
    double plain = 0;
    for (Tensor p : params) {
      for (float v : g.get(p)) {
        plain += (double) v * v;
      }
    }
    try (WorkerPool pool = WorkerPool.create(threads)) {
      double norm = GradientClipping.globalNorm(params, g, pool);
      assertEquals(GradientClipping.globalNorm(params, g), norm, 0.0);
      assertEquals(Math.sqrt(plain), norm, 1e-12 * norm);
    }
  }

  /** Three steps: four shards' gradients summed, clipped by norm and value, then Adam. */
  private static float[][] train(WorkerPool pool) {
    Random r = new Random(7);
    List<Tensor> params = parameters(r);
    Adam adam = Adam.adam(params, 1e-2, 1e-4f);
    for (int step = 0; step < 3; step++) {
      Gradients sum = randomGradients(params, r, 3f);
      List<Gradients> others = new ArrayList<>();
      for (int s = 1; s < 4; s++) {
        others.add(randomGradients(params, r, 3f));
      }
      if (pool.threads() == 1) {
        others.forEach(sum::add); // the plain sum, one shard after another
      } else {
        sum.addAll(others, pool);
      }
      GradientClipping.clipByGlobalNorm(params, sum, 1.0, pool);
      GradientClipping.clipByValue(params, sum, 0.01f, pool);
      adam.step(sum, pool);
    }
    return params.stream().map(Tensor::data).toArray(float[][]::new);
  }

  private static List<Tensor> parameters(Random r) {
    List<Tensor> params = new ArrayList<>();
    for (int n : SIZES) {
      float[] w = new float[n];
      for (int i = 0; i < n; i++) {
        w[i] = (float) r.nextGaussian();
      }
      params.add(Tensor.of(w, n));
    }
    return params;
  }

  private static Gradients randomGradients(List<Tensor> params, Random r, float scale) {
    Gradients g = new Gradients();
    for (Tensor p : params) {
      float[] values = new float[p.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = scale * (float) r.nextGaussian();
      }
      Tape.watching(p).backward(p, values, g);
    }
    return g;
  }
}

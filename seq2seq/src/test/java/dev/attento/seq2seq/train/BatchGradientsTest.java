package dev.attento.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.autodiff.Tape;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.core.parallel.Sharding;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.TestBatches;
import dev.attento.seq2seq.model.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A batch split into shards, one per thread, must give the whole batch's loss and gradients
 * (to float rounding), and exactly the same numbers every time for a given thread count.
 */
class BatchGradientsTest {

  @ParameterizedTest
  @CsvSource({"none,1", "none,2", "luong-general,2", "luong-general,3", "luong-general,4", "bahdanau,4"})
  void shardsGiveTheWholeBatchsLossAndGradients(String attention, int threads) {
    ModelConfig config = new ModelConfig("lstm", Map.of(), 14, 14, 8, 12, 1, false, false, 0f, attention,
        !attention.equals("none"), false, false);
    Translator model = Translators.build(config, 4, null);
    Random r = new Random(2);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < 4 * Sharding.MIN_ROWS + 7; i++) {
      int[] src = new int[1 + r.nextInt(9)];
      int[] tgt = new int[1 + r.nextInt(9)];
      for (int j = 0; j < src.length; j++) {
        src[j] = 3 + r.nextInt(11);
      }
      for (int j = 0; j < tgt.length; j++) {
        tgt[j] = 3 + r.nextInt(11);
      }
      examples.add(new Example(i, src, tgt));
    }
    Batch batch = Batch.of(examples);
    List<Tensor> params = model.parameters().tensors();

    Tape tape = Tape.watching(params);
    Tensor whole = model.loss(Forward.recording(tape), batch.source(), batch.target());
    List<float[]> expected = TestBatches.takeGradients(params, tape.backward(whole));
    BatchGradients.Result sharded;
    List<float[]> got;
    List<float[]> again;
    try (WorkerPool pool = WorkerPool.create(threads)) {
      BatchGradients gradients = new BatchGradients(model, Kernels.choose(Kernels.Choice.AUTO, pool));
      sharded = gradients.compute(batch, Randomness.create(1));
      got = TestBatches.takeGradients(params, sharded.gradients());
      // Another batch in between: its shapes differ, so the shards' arenas hand out arrays of
      // other lengths and drop some; the first batch must still give exactly the same numbers.
      gradients.compute(Batch.of(examples.subList(0, examples.size() / 2)), Randomness.create(5));
      gradients.compute(batch, Randomness.create(1));
      again = TestBatches.takeGradients(params, sharded.gradients());
    }

    assertEquals(whole.item(), sharded.loss(), 1e-5 * whole.item());
    for (int p = 0; p < params.size(); p++) {
      assertArrayEquals(got.get(p), again.get(p), "parameter " + p + " differs between two identical calls (arrays reused from step to step)");
      float[] a = expected.get(p);
      float[] b = got.get(p);
      for (int i = 0; i < a.length; i++) {
        assertTrue(Math.abs(a[i] - b[i]) <= 1e-6f + 1e-3f * Math.abs(a[i]), "parameter " + p + "[" + i + "]: "
            + a[i] + " vs " + b[i]);
      }
    }
  }
}

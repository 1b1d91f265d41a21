package dev.attento.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.TestBatches;
import dev.attento.seq2seq.model.Translator;
import dev.attento.seq2seq.text.SpecialTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Accounting for a step's time is a diagnostic: it must describe the shards and change no number. */
class ShardTimingsTest {

  @Test
  void timingsDescribeEveryShardAndChangeNoGradient() {
    ModelConfig config = new ModelConfig("gru", Map.of(), 14, 14, 8, 12, 1, false, false, 0f, "luong-general", true,
        false, false);
    Translator model = Translators.build(config, 4, null);
    Random r = new Random(3);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < 29; i++) {
      examples.add(new Example(i, r.ints(1 + r.nextInt(9), 3, 14).toArray(), r.ints(1 + r.nextInt(9), 3, 14).toArray()));
    }
    Batch batch = Batch.of(examples);
    List<Tensor> params = model.parameters().tensors();
    ShardTimings timings = new ShardTimings();
    List<float[]> plain;
    List<float[]> timed;
    try (WorkerPool pool = WorkerPool.create(3)) {
      Kernels kernels = Kernels.choose(Kernels.Choice.AUTO, pool);
      plain = TestBatches.takeGradients(params, new BatchGradients(model, kernels).compute(batch, Randomness.create(1))
          .gradients());
      timed = TestBatches.takeGradients(params, new BatchGradients(model, kernels, 0, timings)
          .compute(batch, Randomness.create(1)).gradients());
    }

    for (int p = 0; p < params.size(); p++) {
      assertArrayEquals(plain.get(p), timed.get(p), "parameter " + p);
    }
    List<ShardTimings.Shard> shards = timings.shards();
    assertEquals(3, shards.size());
    assertEquals(Arrays.stream(batch.source().lengths()).sum(),
        shards.stream().mapToInt(ShardTimings.Shard::sourceTokens).sum());
    assertEquals(batch.target().tokenCount(SpecialTokens.PAD),
        shards.stream().mapToInt(ShardTimings.Shard::targetTokens).sum());
    for (ShardTimings.Shard s : shards) {
      assertTrue(s.cpuNanos() > 0, "a shard's CPU time: " + s);
      assertTrue(timings.parallelStartNanos() <= s.startNanos() && s.startNanos() <= s.endNanos()
          && s.endNanos() <= timings.parallelEndNanos(), "a shard inside the parallel section: " + s);
    }
    assertTrue(timings.splitCpuNanos() >= 0 && timings.sumCpuNanos() >= 0);
  }
}

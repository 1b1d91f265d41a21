package dev.attento.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.TestBatches;
import dev.attento.seq2seq.model.Translator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large batch is decoded in parts, one per thread; what each sentence gets must not depend
 * on the thread count, nor on which other sentences share its batch (sentences that end leave
 * the batch, and the rows after them move up).
 */
class GreedySearchTest {

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void anyThreadCountDecodesAsOneThreadAndAsEachSentenceAlone(int threads) {
    ModelConfig config = new ModelConfig("lstm", Map.of(), 12, 12, 8, 16, 1, false, false, 0f, "luong-general",
        true, false, false);
    Translator model = Translators.build(config, 5, null);
    int batch = 4 * 8 + 3; // enough rows for every thread to get a part
    SourceBatch source = TestBatches.randomSources(new Random(9), batch, 10, 9);
    DecodingOptions options = new DecodingOptions(1, 0, 1.5, 4);
    List<Hypothesis> serial = GreedySearch.decode(Forward.inference(Kernels.detect()), model, source, options);
    List<Hypothesis> parallel;
    try (WorkerPool pool = WorkerPool.create(threads)) {
      parallel = GreedySearch.decode(Forward.inference(Kernels.choose(Kernels.Choice.AUTO, pool)), model, source,
          options);
    }
    assertEquals(batch, parallel.size());
    assertTrue(serial.stream().mapToInt(x -> x.tokens().length).distinct().count() > 1, "outputs of several lengths");
    Forward alonePass = Forward.inference(Kernels.detect());
    for (int b = 0; b < batch; b++) {
      assertArrayEquals(serial.get(b).tokens(), parallel.get(b).tokens(), "sentence " + b);
      assertEquals(serial.get(b).score(), parallel.get(b).score(), 1e-5, "sentence " + b);
      Hypothesis alone = GreedySearch.decode(alonePass, model, source.rows(b, b + 1), options).get(0);
      assertArrayEquals(alone.tokens(), serial.get(b).tokens(), "sentence " + b + " decoded alone");
      assertEquals(alone.score(), serial.get(b).score(), 1e-5, "sentence " + b + " decoded alone");
      int length = source.lengths()[b];
      for (int t = 0; t < alone.attention().length; t++) {
        assertArrayEquals(java.util.Arrays.copyOf(alone.attention()[t], length),
            java.util.Arrays.copyOf(serial.get(b).attention()[t], length), 1e-6f, "sentence " + b + ", step " + t);
      }
    }
  }
}

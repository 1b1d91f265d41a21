package dev.attento.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.model.TestBatches;
import dev.attento.seq2seq.model.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A large batch is decoded as two halves on two cores; what each sentence gets must not
 * depend on that (nor on which other sentences share its batch).
 */
class GreedySearchTest {

  @Test
  void aSplitBatchDecodesAsItsHalvesAndAsEachSentenceAlone() {
    ModelConfig config = new ModelConfig("lstm", Map.of(), 12, 12, 8, 16, 1, false, false, 0f, "luong-general",
        true, false, false);
    Translator model = Translators.build(config, 5, null);
    int batch = 2 * GreedySearch.SPLIT + 3;
    SourceBatch source = TestBatches.randomSources(new Random(9), batch, 10, 9);
    DecodingOptions options = new DecodingOptions(1, 0, 1.5, 4);
    List<Hypothesis> together = GreedySearch.decode(model, source, options);
    int half = batch / 2;
    List<Hypothesis> separately = new ArrayList<>();
    for (int[] range : new int[][] {{0, half}, {half, batch}}) {
      SourceBatch h = source.rows(range[0], range[1]);
      separately.addAll(GreedySearch.decode(model, h, options));
    }
    assertEquals(batch, together.size());
    assertTrue(together.stream().mapToInt(x -> x.tokens().length).distinct().count() > 1, "outputs of several lengths");
    for (int b = 0; b < batch; b++) {
      assertArrayEquals(separately.get(b).tokens(), together.get(b).tokens(), "sentence " + b);
      assertEquals(separately.get(b).score(), together.get(b).score(), 1e-5, "sentence " + b);
      Hypothesis alone = GreedySearch.decode(model, source.rows(b, b + 1), options).get(0);
      assertArrayEquals(alone.tokens(), together.get(b).tokens(), "sentence " + b + " decoded alone");
    }
  }
}

package dev.attento.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.TestBatches;
import dev.attento.seq2seq.model.Translator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sentences that join a running greedy search between steps, beside others at every stage of
 * their decoding and with sources of other lengths, get the tokens, scores and attention they
 * get decoded alone, for both kinds of decoder.
 */
class ContinuousGreedySearchTest {

  @ParameterizedTest
  @ValueSource(strings = {"luong-general", "bahdanau", "none"})
  void sentencesJoiningBetweenStepsDecodeAsAlone(String attention) {
    ModelConfig config = new ModelConfig("lstm", Map.of(), 12, 12, 8, 16, 1, false, false, 0f, attention,
        true, false, false);
    Translator model = Translators.build(config, 5, null);
    int sentences = 23;
    SourceBatch all = TestBatches.randomSources(new Random(4), sentences, 12, 9);
    DecodingOptions options = new DecodingOptions(1, 0, 1.5, 4);
    Forward pass = Forward.inference(Kernels.detect());
    ContinuousGreedySearch search = new ContinuousGreedySearch(model, options);
    Map<Integer, Hypothesis> ended = new HashMap<>();
    int next = 0;
    int steps = 0;
    int mostLive = 0;
    // one, two or three sentences join before each step until all have joined
    while (ended.size() < sentences) {
      int joining = Math.min(sentences - next, 1 + steps % 3);
      if (joining > 0) {
        int[] ids = new int[joining];
        for (int i = 0; i < joining; i++) {
          ids[i] = next + i;
        }
        search.admit(pass, all.rows(next, next + joining), ids);
        next += joining;
      }
      mostLive = Math.max(mostLive, search.live());
      for (ContinuousGreedySearch.Ended e : search.step(pass)) {
        assertEquals(null, ended.put(e.id(), e.hypothesis()), "sentence " + e.id() + " ended twice");
      }
      steps++;
    }
    assertTrue(mostLive > 4, "sentences shared steps: at most " + mostLive + " at once");
    assertEquals(0, search.live());
    List<Integer> lengths = new ArrayList<>();
    for (int b = 0; b < sentences; b++) {
      Hypothesis alone = GreedySearch.decode(pass, model, all.rows(b, b + 1), options).get(0);
      Hypothesis joined = ended.get(b);
      lengths.add(alone.tokens().length);
      assertArrayEquals(alone.tokens(), joined.tokens(), "sentence " + b);
      assertEquals(alone.score(), joined.score(), 1e-5, "sentence " + b);
      if (attention.equals("none")) {
        assertEquals(null, joined.attention());
        continue;
      }
      assertEquals(alone.attention().length, joined.attention().length, "sentence " + b);
      for (int t = 0; t < alone.attention().length; t++) {
        assertEquals(all.lengths()[b], joined.attention()[t].length, "a row over the sentence's own tokens");
        // GreedySearch gives rows over the padded batch; their first tokens are the sentence's own
        assertArrayEquals(Arrays.copyOf(alone.attention()[t], all.lengths()[b]), joined.attention()[t], 1e-6f,
            "sentence " + b + ", step " + t);
      }
    }
    assertTrue(lengths.stream().distinct().count() > 1, "outputs of several lengths: " + lengths);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void anEmptyBatchStepsToNothingAndBeamSearchIsRefused(int beam) {
    ModelConfig config = new ModelConfig("gru", Map.of(), 12, 12, 8, 16, 1, false, false, 0f, "none",
        true, false, false);
    Translator model = Translators.build(config, 5, null);
    Forward pass = Forward.inference(Kernels.detect());
    ContinuousGreedySearch search = new ContinuousGreedySearch(model, new DecodingOptions(1, 0, 1.5, 4));
    assertEquals(List.of(), search.step(pass));
    assertEquals(0, search.live());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ContinuousGreedySearch(model, new DecodingOptions(beam, 0, 1.5, 4)));
    assertTrue(e.getMessage().contains("beam size must be 1"), e.getMessage());
  }

  @Test
  void aSentenceAllowedNoTokenEndsEmpty() {
    ModelConfig config = new ModelConfig("lstm", Map.of(), 12, 12, 8, 16, 1, false, false, 0f, "luong-dot",
        true, false, false);
    Translator model = Translators.build(config, 5, null);
    Forward pass = Forward.inference(Kernels.detect());
    ContinuousGreedySearch search = new ContinuousGreedySearch(model, new DecodingOptions(1, 0, 0, 0));
    search.admit(pass, TestBatches.randomSources(new Random(1), 2, 12, 5), new int[] {7, 8});
    List<ContinuousGreedySearch.Ended> ended = search.step(pass);
    assertEquals(List.of(7, 8), ended.stream().map(ContinuousGreedySearch.Ended::id).toList());
    assertEquals(0, ended.get(0).hypothesis().tokens().length);
    assertEquals(0, search.live());
  }
}

package dev.attento.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.attento.attention.Attention;
import dev.attento.cells.spi.CellState;
import dev.attento.core.ops.Forward;
import dev.attento.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reordering the decoder's rows moves each row's encoder memory with it; when every row stays
 * on its sentence (beam search shuffling one sentence's beams) the memory is kept, not copied.
 */
class AttentionDecoderStateTest {

  private static final int SRC_LEN = 3;
  private static final int HIDDEN = 2;

  @Test
  void rowsThatKeepTheirSentenceKeepTheMemoryOthersGetTheirNewSentences() {
    Forward fwd = Forward.inference();
    // Two sentences, each expanded to two beams: rows 0, 1 hold sentence 0 and rows 2, 3 sentence 1.
    AttentionDecoder.State start = state(2);
    AttentionDecoder.State beams = start.select(fwd, new int[] {0, 0, 1, 1});
    assertArrayEquals(new int[] {0, 0, 1, 1}, beams.sourceRows());
    assertArrayEquals(memoryOf(new int[] {0, 0, 1, 1}), beams.source().states().data());

    AttentionDecoder.State shuffled = beams.select(fwd, new int[] {1, 1, 3, 2});
    assertSame(beams.source(), shuffled.source(), "every row stayed on its sentence");
    assertArrayEquals(new float[] {100, 100, 100, 100, 101, 101, 101, 101}, shuffled.feed().data());

    AttentionDecoder.State ended = shuffled.select(fwd, new int[] {2, 3});
    assertNotSame(shuffled.source(), ended.source());
    assertArrayEquals(new int[] {1, 1}, ended.sourceRows());
    assertArrayEquals(memoryOf(new int[] {1, 1}), ended.source().states().data());
    assertArrayEquals(memoryOf(new int[] {1, 1}), ended.source().keys().data());
    assertArrayEquals(new float[] {1, 1, 0, 1, 1, 0}, ended.source().mask().data());

    AttentionDecoder.State first = beams.prefix(fwd, 2);
    assertArrayEquals(new int[] {0, 0}, first.sourceRows());
    assertArrayEquals(memoryOf(new int[] {0, 0}), first.source().states().data());
  }

  /** A state over {@code sentences} sentences whose memory values name their sentence. */
  private static AttentionDecoder.State state(int sentences) {
    int[] own = new int[sentences];
    float[] feed = new float[sentences * HIDDEN];
    float[] mask = new float[sentences * SRC_LEN];
    for (int b = 0; b < sentences; b++) {
      own[b] = b;
      for (int h = 0; h < HIDDEN; h++) {
        feed[b * HIDDEN + h] = 100 + b;
      }
      for (int s = 0; s < SRC_LEN; s++) {
        mask[b * SRC_LEN + s] = s < SRC_LEN - b ? 1 : 0;
      }
    }
    Tensor memory = Tensor.of(memoryOf(own), sentences, SRC_LEN, HIDDEN);
    Tensor feedTensor = Tensor.of(feed, sentences, HIDDEN);
    return new AttentionDecoder.State(List.of(CellState.of(feedTensor)), feedTensor,
        new Attention.PreparedSource(memory, Tensor.of(mask, sentences, SRC_LEN), memory));
  }

  /** Encoder memory rows for the given sentences: sentence b's values are b·10 + position. */
  private static float[] memoryOf(int[] sentences) {
    float[] m = new float[sentences.length * SRC_LEN * HIDDEN];
    for (int r = 0; r < sentences.length; r++) {
      for (int i = 0; i < SRC_LEN * HIDDEN; i++) {
        m[r * SRC_LEN * HIDDEN + i] = sentences[r] * 10 + i;
      }
    }
    return m;
  }
}

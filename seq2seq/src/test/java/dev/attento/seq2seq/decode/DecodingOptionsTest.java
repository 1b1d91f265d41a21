package dev.attento.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The output length limit: ratio times source length plus extra, never overflowing. */
class DecodingOptionsTest {

  @Test
  void theLimitIsRatioTimesLengthPlusExtra() {
    assertEquals(3 * 7 + 20, new DecodingOptions(1, 0, 3.0, 20).maxLength(7));
    assertEquals(4 + 1, new DecodingOptions(1, 0, 0.5, 1).maxLength(7), "rounded up");
  }

  @Test
  void aHugeRatioOrExtraIsNoLimitNotANegativeOne() {
    // maxLengthRatio=1e308 gave (int) 1e308·n + 20 < 0: every translation empty, exit 0.
    assertEquals(Integer.MAX_VALUE, new DecodingOptions(1, 0, 1e308, 20).maxLength(7));
    assertEquals(Integer.MAX_VALUE, new DecodingOptions(1, 0, 3.0, Integer.MAX_VALUE).maxLength(7));
  }
}

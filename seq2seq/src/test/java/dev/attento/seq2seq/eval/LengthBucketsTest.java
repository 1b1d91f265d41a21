package dev.attento.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Buckets chosen from a test set's lengths: round widths that fit that set, not one task's. */
class LengthBucketsTest {

  private static List<String> labels(LengthBuckets b) {
    return IntStream.range(0, b.count()).mapToObj(b::label).toList();
  }

  @Test
  void theReversalTasksLengthsGiveWidthFive() {
    int[] lengths = IntStream.rangeClosed(5, 25).toArray();
    assertEquals(List.of("1-5", "6-10", "11-15", "16-20", "21-25", "26+"), labels(LengthBuckets.covering(lengths)));
  }

  @Test
  void longerAndShorterSentencesGetOtherRoundWidths() {
    int[] long_ = IntStream.rangeClosed(40, 60).toArray();
    assertEquals(List.of("1-20", "21-40", "41-60", "61+"), labels(LengthBuckets.covering(long_)));
    int[] short_ = IntStream.rangeClosed(1, 8).toArray();
    assertEquals(List.of("1-2", "3-4", "5-6", "7-8", "9+"), labels(LengthBuckets.covering(short_)));
    assertEquals(List.of("1-1", "2+"), labels(LengthBuckets.covering(new int[] {1, 1})));
  }

  @Test
  void theLongestFiveInAHundredGoToTheOpenBucket() {
    int[] lengths = IntStream.range(0, 100).map(i -> i < 95 ? 10 : 500).toArray();
    assertEquals(List.of("1-2", "3-4", "5-6", "7-8", "9-10", "11+"), labels(LengthBuckets.covering(lengths)));
  }
}

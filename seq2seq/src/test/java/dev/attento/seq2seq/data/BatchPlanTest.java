package dev.attento.seq2seq.data;

import dev.attento.seq2seq.text.SpecialTokens;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.text.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

  private static List<Example> examples(int n) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int len = 1 + i % 7;
      int[] s = new int[len];
      java.util.Arrays.fill(s, 4 + i % 5);
      out.add(new Example(i, s, new int[] {5, 6}));
    }
    return out;
  }

  private static List<Integer> order(BatchPlan plan, int batches) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      plan.next().examples().forEach(e -> ids.add(e.index()));
    }
    return ids;
  }

  @Test
  void anEpochVisitsEveryExampleOnceAndIsSeeded() {
    List<Integer> a = order(new BatchPlan(examples(100), 8, 1), 13);
    assertEquals(100, new HashSet<>(a).size());
    assertEquals(a, order(new BatchPlan(examples(100), 8, 1), 13));
    assertNotEquals(a, order(new BatchPlan(examples(100), 8, 2), 13));
  }

  @Test
  void aBatchSizeBeyondTheCorpusIsTheWholeCorpusWithoutOverflow() {
    for (BatchPlan.Batching batching : new BatchPlan.Batching[] {BatchPlan.Batching.BUCKETED, BatchPlan.Batching.RANDOM}) {
      BatchPlan plan = new BatchPlan(examples(50), Integer.MAX_VALUE, 1, batching);
      assertEquals(50, new HashSet<>(order(plan, 1)).size(), batching + ": one batch holds every example");
      assertEquals(order(new BatchPlan(examples(50), 50, 1, batching), 3),
          order(new BatchPlan(examples(50), Integer.MAX_VALUE, 1, batching), 3), "the same as a batch of exactly 50");
    }
  }

  @Test
  void resumingFromAPositionReplaysTheSameBatches() {
    BatchPlan straight = new BatchPlan(examples(50), 8, 3);
    order(straight, 10);
    List<Integer> expected = order(straight, 10);
    BatchPlan first = new BatchPlan(examples(50), 8, 3);
    order(first, 10);
    BatchPlan resumed = new BatchPlan(examples(50), 8, 3);
    resumed.seek(first.position());
    assertEquals(expected, order(resumed, 10));
  }

  @Test
  void batchesArePaddedWithBosAndEos() {
    Batch b = Batch.of(List.of(new Example(0, new int[] {7, 8, 9}, new int[] {10}), new Example(1, new int[] {7}, new int[] {10, 11})));
    assertArrayEquals(new int[] {7, 8, 9, 7, 0, 0}, b.source().ids());
    assertArrayEquals(new int[] {3, 1}, b.source().lengths());
    assertArrayEquals(new int[] {SpecialTokens.BOS, 10, 0, SpecialTokens.BOS, 10, 11}, b.target().inputs());
    assertArrayEquals(new int[] {10, SpecialTokens.EOS, 0, 10, 11, SpecialTokens.EOS}, b.target().outputs());
    assertEquals(5, b.targetTokens());
  }

  @Test
  void batchesGroupSimilarLengths() {
    BatchPlan plan = new BatchPlan(examples(400), 16, 5);
    Set<Integer> spreads = new HashSet<>();
    for (int i = 0; i < 25; i++) {
      Batch b = plan.next();
      int min = b.examples().stream().mapToInt(e -> e.source().length).min().orElseThrow();
      int max = b.examples().stream().mapToInt(e -> e.source().length).max().orElseThrow();
      spreads.add(max - min);
    }
    assertEquals(0, spreads.stream().mapToInt(Integer::intValue).min().orElseThrow());
  }

  @Test
  void randomBatchingMixesLengthsVisitsEveryExampleOnceAndResumes() {
    BatchPlan plan = new BatchPlan(examples(400), 16, 5, BatchPlan.Batching.RANDOM);
    List<Integer> ids = new ArrayList<>();
    int mixed = 0;
    for (int i = 0; i < 25; i++) {
      Batch b = plan.next();
      b.examples().forEach(e -> ids.add(e.index()));
      if (b.examples().stream().mapToInt(e -> e.source().length).distinct().count() >= 5) {
        mixed++;
      }
    }
    assertEquals(400, new HashSet<>(ids).size());
    assertEquals(25, mixed, "16 random examples of 7 lengths nearly always hold at least 5 of them");
    // not the bucketed order, and not the corpus order either
    assertNotEquals(ids.subList(0, 16), order(new BatchPlan(examples(400), 16, 5), 1));
    assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), ids.subList(0, 16));
    BatchPlan again = new BatchPlan(examples(400), 16, 5, BatchPlan.Batching.RANDOM);
    order(again, 30);
    BatchPlan resumed = new BatchPlan(examples(400), 16, 5, BatchPlan.Batching.RANDOM);
    resumed.seek(again.position());
    assertEquals(order(again, 10), order(resumed, 10));
  }

  @Test
  void tokenBatchingKeepsEachBatchWithinTheBudgetVisitsEveryExampleOnceAndResumes() {
    int budget = 40;
    BatchPlan plan = new BatchPlan(examples(400), 16, budget, 5, BatchPlan.Batching.TOKENS);
    List<Integer> ids = new ArrayList<>();
    Set<Integer> sizes = new HashSet<>();
    while (ids.size() < 400) {
      Batch b = plan.next();
      int longestSource = b.examples().stream().mapToInt(e -> e.source().length).max().orElseThrow();
      assertTrue(b.examples().size() * (longestSource + 2) <= budget, "padded tokens within the budget");
      sizes.add(b.examples().size());
      b.examples().forEach(e -> ids.add(e.index()));
    }
    assertEquals(400, ids.size());
    assertEquals(400, new HashSet<>(ids).size());
    assertTrue(sizes.contains(13) && sizes.contains(4), "13 sentences of 1 + 2 tokens, 4 of 7 + 2: " + sizes);
    BatchPlan again = new BatchPlan(examples(400), 16, budget, 5, BatchPlan.Batching.TOKENS);
    List<Integer> first = order(again, 30);
    assertEquals(ids.subList(0, first.size()), first, "the same seed, the same batches");
    BatchPlan resumed = new BatchPlan(examples(400), 16, budget, 5, BatchPlan.Batching.TOKENS);
    resumed.seek(again.position());
    assertEquals(order(again, 10), order(resumed, 10));
    List<Example> oneLong = List.of(new Example(0, new int[50], new int[] {5}));
    assertEquals(1, new BatchPlan(oneLong, 16, budget, 5, BatchPlan.Batching.TOKENS).next().examples().size(),
        "a sentence over the budget is a batch of its own");
  }

  @Test
  void batchingIsParsedByName() {
    assertEquals(BatchPlan.Batching.RANDOM, BatchPlan.Batching.parse("random"));
    assertEquals(BatchPlan.Batching.BUCKETED, BatchPlan.Batching.parse("bucketed"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> BatchPlan.Batching.parse("sorted"));
    assertEquals("batching must be bucketed, random or tokens, got 'sorted'", e.getMessage());
    assertEquals(BatchPlan.Batching.TOKENS, BatchPlan.Batching.parse("tokens"));
  }
}

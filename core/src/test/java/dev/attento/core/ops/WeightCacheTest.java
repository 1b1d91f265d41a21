package dev.attento.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.attento.core.tensor.TestTensors;
import dev.attento.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class WeightCacheTest {

  @Test
  void linearInsideARegionComputesWhatItComputesOutside() {
    Tensor x = TestTensors.random(1, 9, 33).requireGrad();
    Tensor w = TestTensors.random(2, 70, 33).requireGrad();
    Tensor b = TestTensors.random(3, 70).requireGrad();
    Tensor plain = Linear.linear(x, w, b);
    Reductions.sum(plain).backward();
    float[] gx = x.grad().clone();
    float[] gw = w.grad().clone();
    x.zeroGrad();
    w.zeroGrad();
    Tensor cached;
    try (WeightCache ignored = WeightCache.open()) {
      cached = Linear.linear(x, w, b);
    }
    Reductions.sum(cached).backward();
    assertArrayEquals(plain.data(), cached.data(), 1e-5f);
    assertArrayEquals(gx, x.grad(), 1e-5f);
    assertArrayEquals(gw, w.grad(), 1e-5f);
  }

  @Test
  void aWeightChangedBetweenRegionsIsSeen() {
    Tensor x = TestTensors.random(4, 8, 16);
    Tensor w = TestTensors.random(5, 24, 16).requireGrad();
    float[] before;
    try (WeightCache ignored = WeightCache.open()) {
      before = Linear.linear(x, w, null).data();
    }
    w.data()[0] += 1f; // as an optimizer step would, between two forward passes
    try (WeightCache ignored = WeightCache.open()) {
      float[] after = Linear.linear(x, w, null).data();
      assertNotEquals(before[0], after[0]);
      assertArrayEquals(Linear.linear(x, Tensor.of(w.data().clone(), 24, 16), null).data(), after, 1e-6f);
    }
  }
}

package dev.attento.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.autodiff.Tape;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import dev.attento.core.tensor.TestTensors;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class ForwardTest {

  @Test
  void inferenceRecordsNothingEvenOnWatchedTensors() {
    Tensor w = TestTensors.random(1, 6, 4);
    Tape unused = Tape.watching(w);
    Forward f = Forward.inference();
    assertNull(f.tape());
    assertFalse(f.training());
    assertFalse(f.records(w));
    Tensor y = Linear.linear(f, TestTensors.random(2, 3, 4), w, null);
    Dropout.dropout(f, y, 0.5f);
    assertEquals(0, unused.size());
    assertFalse(unused.tracks(y));
  }

  @Test
  void aRecordingPassRecordsOnItsTapeOnly() {
    Tensor w = TestTensors.random(1, 6, 4);
    Tape tape = Tape.watching(w);
    Forward f = Forward.recording(tape);
    assertTrue(f.records(w));
    Tensor y = Linear.linear(f, TestTensors.random(2, 3, 4), w, null);
    assertTrue(tape.tracks(y));
    assertEquals(1, tape.size());
    Forward off = f.withoutTape();
    assertNull(off.tape());
    assertSame(f.packed(), off.packed());
    Activations.tanh(off, y);
    assertEquals(1, tape.size());
    assertSame(off, off.withoutTape());
  }

  @Test
  void shardsSharePackedWeightsButNotTapesOrGenerators() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      Kernels kernels = Kernels.choose(Kernels.Choice.AUTO, pool);
      Tensor w = TestTensors.random(3, 8, 5);
      Forward pass = Forward.training(new Tape(), kernels, Randomness.create(1));
      Tape shardTape = Tape.watching(w);
      UniformRandomProvider shardRandom = Randomness.create(2);
      Forward shard = pass.shard(shardTape, shardRandom);
      assertSame(pass.packed(), shard.packed());
      assertSame(shardTape, shard.tape());
      assertSame(shardRandom, shard.random());
      assertEquals(1, shard.kernels().threads(), "a shard runs on its own thread alone");
      assertEquals(2, pass.kernels().threads());
      Tensor x = TestTensors.random(4, 3, 5);
      Tensor fromShard = Linear.linear(shard, x, w, null);
      assertEquals(1, pass.packed().size(), "the shard's packing is the pass's");
      Tensor fromPass = Linear.linear(pass.withoutTape(), x, w, null);
      assertEquals(1, pass.packed().size(), "packed once for both");
      assertArrayEquals(fromPass.data(), fromShard.data(), 0f);
      assertTrue(shardTape.tracks(fromShard));
      assertEquals(0, pass.tape().size());
    }
  }

  @Test
  void eachPassPacksAfresh() {
    Kernels kernels = Kernels.detect();
    Forward a = Forward.inference(kernels);
    Forward b = Forward.inference(kernels);
    assertNotSame(a.packed(), b.packed());
    Tensor w = TestTensors.random(5, 4, 4);
    Linear.linear(a, TestTensors.random(6, 2, 4), w, null);
    assertEquals(1, a.packed().size());
    assertEquals(0, b.packed().size());
    assertSame(kernels, a.kernels());
  }

  @Test
  void trainingPassesDropOutWithTheirGenerator() {
    Tensor x = Tensor.full(1f, 1000);
    Forward one = Forward.training(null, Kernels.detect(), Randomness.create(9));
    Forward same = Forward.training(null, Kernels.detect(), Randomness.create(9));
    assertTrue(one.training());
    Tensor y = Dropout.dropout(one, x, 0.5f);
    assertNotSame(x, y);
    assertArrayEquals(y.data(), Dropout.dropout(same, x, 0.5f).data());
  }
}

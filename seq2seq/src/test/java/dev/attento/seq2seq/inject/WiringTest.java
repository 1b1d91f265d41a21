package dev.attento.seq2seq.inject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.inject.AbstractModule;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.seq2seq.model.AttentionDecoder;
import dev.attento.seq2seq.model.CellFactory;
import dev.attento.seq2seq.model.Decoder;
import dev.attento.seq2seq.model.FixedContextDecoder;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.NamedParameters;
import dev.attento.seq2seq.model.Translator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Guice composition, checked at its seams with mocked collaborators. */
class WiringTest {

  static ModelConfig config(String attention, boolean bidirectional, int layers) {
    return new ModelConfig("lstm", Map.of(), 10, 12, 8, 16, layers, bidirectional, false, 0f, attention, true, true, false);
  }

  @Test
  void attentionConfigGetsTheAttentionDecoderAndNoneTheFixedOne() {
    assertInstanceOf(AttentionDecoder.class, Translators.build(config("luong-general", false, 1), 1, null).decoder());
    assertInstanceOf(FixedContextDecoder.class, Translators.build(config("none", false, 1), 1, null).decoder());
  }

  @Test
  void anyBindingCanBeReplacedWithModulesOverride() {
    Decoder mine = mock(Decoder.class);
    when(mine.outputSize()).thenReturn(16);
    when(mine.parameters()).thenReturn(new NamedParameters());
    Translator t = Translators.build(config("bahdanau", false, 1), 1, null, new AbstractModule() {
      @Override
      protected void configure() {
        bind(Decoder.class).toInstance(mine);
      }
    });
    assertSame(mine, t.decoder());
  }

  @Test
  void theCellFactoryBuildsEveryLayerWithTheRightSizes() {
    CellFactory cells = mock(CellFactory.class);
    RecurrentCell real = dev.attento.cells.CellRegistry.fromClassPath()
        .create("gru", 8, 16, Map.of(), dev.attento.core.random.Randomness.create(1));
    when(cells.create(anyInt(), anyInt(), any())).thenReturn(real);
    Translators.build(config("none", true, 2), 1, null, new AbstractModule() {
      @Override
      protected void configure() {
        bind(CellFactory.class).toInstance(cells);
      }
    });
    verify(cells, times(2)).create(eq(8), eq(16), any());    // encoder layer 0, both directions
    verify(cells, times(2)).create(eq(32), eq(16), any());   // encoder layer 1 reads both directions
    verify(cells, times(1)).create(eq(8 + 16), eq(16), any()); // decoder layer 0: embedding + fed context
    verify(cells, times(1)).create(eq(16), eq(16), any());   // decoder layer 1
  }

  @Test
  void theSameSeedGivesTheSameWeights() {
    Translator a = Translators.build(config("luong-concat", true, 1), 42, null);
    Translator b = Translators.build(config("luong-concat", true, 1), 42, null);
    Translator c = Translators.build(config("luong-concat", true, 1), 43, null);
    var pa = a.parameters().asMap();
    var pb = b.parameters().asMap();
    assertTrue(pa.keySet().equals(pb.keySet()));
    pa.forEach((name, t) -> assertArrayEquals(t.data(), pb.get(name).data(), name));
    assertTrue(!java.util.Arrays.equals(pa.get("output.weight").data(), c.parameters().asMap().get("output.weight").data()),
        "another seed gives other weights");
  }

  @Test
  void aParametersInitialValueDependsOnItsNameAndTheSeedOnly() {
    // Each parameter draws from a generator derived from the seed and its full name, so what
    // else the model contains (here: attention or not) and Guice's construction order do not
    // change it.
    var withAttention = Translators.build(config("luong-general", false, 1), 42, null).parameters().asMap();
    var fixedContext = Translators.build(config("none", false, 1), 42, null).parameters().asMap();
    int shared = 0;
    for (var e : withAttention.entrySet()) {
      var other = fixedContext.get(e.getKey());
      if (e.getKey().startsWith("encoder.") && other != null) {
        assertArrayEquals(e.getValue().data(), other.data(), e.getKey());
        shared++;
      }
    }
    assertTrue(shared >= 3, "the encoder's parameters exist in both models: " + withAttention.keySet());
  }

  @Test
  void aModelBuiltForLoadingHasEveryParameterOfTheDrawnOneAndDrawsNone() {
    // Loading copies a checkpoint over every parameter, so only names and shapes must match.
    for (String attention : new String[] {"luong-general", "bahdanau", "none"}) {
      var drawn = Translators.build(config(attention, true, 2), 42, null).parameters().asMap();
      var loading = Translators.buildForLoading(config(attention, true, 2), 42, null).parameters().asMap();
      assertEquals(drawn.keySet(), loading.keySet(), attention);
      drawn.forEach((name, t) -> assertArrayEquals(t.shape(), loading.get(name).shape(), name));
      loading.forEach((name, t) -> {
        if (!name.endsWith("bias_hh") && !name.endsWith("bias_ih")) { // an LSTM's forget-gate bias is set, not drawn
          assertArrayEquals(new float[t.size()], t.data(), 0f, attention + " " + name);
        }
      });
    }
  }

  @Test
  void unknownNamesSurfaceAsPlainErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Translators.build(config("luong-genral", false, 1), 1, null));
    assertTrue(e.getMessage().startsWith("unknown attention 'luong-genral'; available:"), e.getMessage());
    ModelConfig badCell = new ModelConfig("lsmt", Map.of(), 10, 12, 8, 16, 1, false, false, 0f, "none", false, true, false);
    e = assertThrows(IllegalArgumentException.class, () -> Translators.build(badCell, 1, null));
    assertTrue(e.getMessage().startsWith("unknown cell 'lsmt'; available: gru, lstm, rnn"), e.getMessage());
  }
}

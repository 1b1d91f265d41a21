package dev.attento.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.AbstractModule;
import dev.attento.cells.CellRegistry;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.CellFactory;
import dev.attento.seq2seq.model.ModelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer calls every cell's post-step constraint once per optimizer step. */
class PostStepHookTest {

  @TempDir
  Path dir;

  /** A GRU that counts its post-step calls. */
  static final class CountingCell implements RecurrentCell {
    final RecurrentCell gru;
    int afterSteps;

    CountingCell(RecurrentCell gru) {
      this.gru = gru;
    }

    @Override
    public int inputSize() {
      return gru.inputSize();
    }

    @Override
    public int hiddenSize() {
      return gru.hiddenSize();
    }

    @Override
    public Map<String, Tensor> parameters() {
      return gru.parameters();
    }

    @Override
    public CellState initialState(int batch) {
      return gru.initialState(batch);
    }

    @Override
    public CellState step(Forward fwd, Tensor x, CellState state) {
      return gru.step(fwd, x, state);
    }

    @Override
    public SequenceResult run(Forward fwd, Tensor inputs, CellState initial, Tensor mask) {
      return gru.run(fwd, inputs, initial, mask);
    }

    @Override
    public void afterOptimizerStep() {
      afterSteps++;
    }
  }

  @Test
  void everyCellIsConstrainedOncePerStep() {
    ExperimentConfig e = TrainerTest.tiny(5).set("model.layers", "2").set("training.evalEvery", "100").bind();
    TrainingData data = DataPreparation.prepare(e);
    List<CountingCell> made = new ArrayList<>();
    CellRegistry registry = CellRegistry.fromClassPath();
    CellFactory counting = (in, hidden, random) -> {
      CountingCell c = new CountingCell(registry.create("gru", in, hidden, Map.of(), random));
      made.add(c);
      return c;
    };
    ModelConfig config = e.model().toModelConfig(data.source().vocabulary().size(), data.target().vocabulary().size());
    var translator = Translators.build(config, 1, null, new AbstractModule() {
      @Override
      protected void configure() {
        bind(CellFactory.class).toInstance(counting);
      }
    });
    ModelBundle model = new ModelBundle(translator, data.source(), data.target(), 1);
    new Trainer(model, data, e.training(), Kernels.detect(), dir, new TrainerTest.Losses()).train();
    assertEquals(4, made.size(), "two encoder and two decoder layers");
    assertEquals(List.of(5, 5, 5, 5), made.stream().map(c -> c.afterSteps).toList());
  }
}

package dev.attento.spark;

import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.tasks.ToyTasks;
import dev.attento.seq2seq.train.DataPreparation;
import dev.attento.seq2seq.train.Trainer;
import dev.attento.seq2seq.train.TrainingData;
import dev.attento.seq2seq.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;

/** A run trained for a few steps on the dates task (seconds), as seq2seq's TrainerTest trains one. */
public final class TinyRun {

  private TinyRun() {}

  /** The tiny configuration, with attention so that beams and UNK replacement have something to use. */
  public static ConfigTree config(int steps) {
    return ConfigTree.defaults()
        .set("data.task", "dates").set("data.trainSize", "64").set("data.devSize", "8")
        .set("data.sourceTokenizer", "word").set("data.targetTokenizer", "word")
        .set("model.hidden", "16").set("model.embedding", "8").set("model.dropout", "0")
        .set("training.steps", String.valueOf(steps)).set("training.batchSize", "8")
        .set("training.evalEvery", "100").set("training.checkpointEvery", "100");
  }

  /** Trains the tiny run into {@code runDir} and returns it. */
  public static Path train(Path runDir) {
    ExperimentConfig e = config(12).bind();
    TrainingData data = DataPreparation.prepare(e);
    new Trainer(data.newModel(e.model(), e.training().seed(), null), data, e.training(), Kernels.detect(), runDir,
        new TrainingListener() {}).train();
    return runDir;
  }

  /** Dates sentences the run has not seen (another seed than its training data's). */
  public static List<SentencePair> unseen(int count) {
    return ToyTasks.byName("dates").generate(count, 987654321L);
  }
}

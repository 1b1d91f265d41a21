package dev.attento.cli;

import dev.attento.seq2seq.config.ConfigTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags that shape an experiment, shared by {@code train} and {@code compare}. Each flag
 * is shorthand for one config key; {@code --set section.key=value} reaches any other key. The
 * order of precedence is defaults, then {@code --config}, then flags.
 */
final class ExperimentOptions {

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment config: JSON, or YAML (.yaml/.yml), with data/model/training/decoding sections; `attento config` prints every key with its default.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any config key, e.g. --set training.evalEvery=100.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--task", descriptionKey = "data.task", description = "Toy task: numbers (default), dates, reverse, copy, sort.")
  String task;

  @Option(names = "--train", descriptionKey = "data.train", paramLabel = "FILE", description = "Training corpus: TSV (source<TAB>target), TMX, .po or .mo, "
      + "detected from its content.")
  Path train;

  @Option(names = "--dev", descriptionKey = "data.dev", paramLabel = "FILE", description = "Held-out corpus for evaluation (same formats).")
  Path dev;

  @Mixin
  LanguageOptions languages = new LanguageOptions();

  @Option(names = "--source-tokenizer", descriptionKey = "data.sourceTokenizer", description = "char or word[:lowercase,fold,elision,join].")
  String sourceTokenizer;

  @Option(names = "--target-tokenizer", descriptionKey = "data.targetTokenizer", description = "char or word[:lowercase,fold,elision,join].")
  String targetTokenizer;

  @Option(names = "--train-size", descriptionKey = "data.trainSize", description = "Pairs generated for a toy task.")
  Integer trainSize;

  @Option(names = "--cell", descriptionKey = "model.cell", description = "Recurrent cell: rnn, lstm, gru or a plugin's name.")
  String cell;

  @Option(names = "--cell-option", descriptionKey = "model.cellOptions", paramLabel = "KEY=VALUE", description = "Cell option, e.g. --cell-option activation=relu.")
  Map<String, String> cellOptions = new LinkedHashMap<>();

  @Option(names = "--attention", descriptionKey = "model.attention", description = "none, bahdanau, luong-dot, scaled-dot, luong-general, luong-concat.")
  String attention;

  @Option(names = "--input-feeding", descriptionKey = "model.inputFeeding", negatable = true, description = "Feed the attentional vector to the next step (Luong).")
  Boolean inputFeeding;

  @Option(names = "--feed-context", descriptionKey = "model.feedContext", negatable = true, description = "Fixed context: feed it at every step (Cho) or only initialise (Sutskever).")
  Boolean feedContext;

  @Option(names = "--layers", descriptionKey = "model.layers", description = "Stacked recurrent layers.")
  Integer layers;

  @Option(names = "--bidirectional", descriptionKey = "model.bidirectional", negatable = true, description = "Bidirectional encoder.")
  Boolean bidirectional;

  @Option(names = "--residual", descriptionKey = "model.residual", negatable = true, description = "Residual connections between stacked layers.")
  Boolean residual;

  @Option(names = "--hidden", descriptionKey = "model.hidden", description = "Hidden size.")
  Integer hidden;

  @Option(names = "--embedding", descriptionKey = "model.embedding", description = "Embedding size.")
  Integer embedding;

  @Option(names = "--dropout", descriptionKey = "model.dropout", description = "Dropout between layers.")
  Double dropout;

  @Option(names = "--optimizer", descriptionKey = "training.optimizer", description = "adam, adamw or sgd.")
  String optimizer;

  @Option(names = "--lr", descriptionKey = "training.learningRate", description = "Learning rate.")
  Double learningRate;

  @Option(names = "--clip", descriptionKey = "training.clipNorm", description = "Gradient norm clipping threshold (0: off).")
  Double clip;

  @Option(names = "--schedule", descriptionKey = "training.schedule", description = "constant, step:N:G, plateau:P:F, warmup:N+...")
  String schedule;

  @Option(names = "--steps", descriptionKey = "training.steps", description = "Training steps.")
  Integer steps;

  @Option(names = "--batch-size", descriptionKey = "training.batchSize", description = "Sentences per batch.")
  Integer batchSize;

  @Option(names = "--seed", descriptionKey = "training.seed", description = "The run's seed.")
  Long seed;

  @Option(names = "--max-minutes", descriptionKey = "training.maxMinutes", description = "Stop training after this many minutes.")
  Double maxMinutes;

  /** The effective config: defaults, then the file, then the flags. */
  ConfigTree build() {
    ConfigTree c = config == null ? ConfigTree.defaults() : ConfigTree.load(config);
    put(c, "data.task", task);
    if (train != null) {
      c.set("data.train", quote(train.toString()));
    }
    if (dev != null) {
      c.set("data.dev", quote(dev.toString()));
    }
    put(c, "data.sourceLanguage", languages.source);
    put(c, "data.targetLanguage", languages.target);
    put(c, "data.sourceTokenizer", sourceTokenizer);
    put(c, "data.targetTokenizer", targetTokenizer);
    put(c, "data.trainSize", trainSize);
    put(c, "model.cell", cell);
    cellOptions.forEach((k, v) -> c.set("model.cellOptions." + k, quote(v)));
    put(c, "model.attention", attention);
    put(c, "model.inputFeeding", inputFeeding);
    put(c, "model.feedContext", feedContext);
    put(c, "model.layers", layers);
    put(c, "model.bidirectional", bidirectional);
    put(c, "model.residual", residual);
    put(c, "model.hidden", hidden);
    put(c, "model.embedding", embedding);
    put(c, "model.dropout", dropout);
    put(c, "training.optimizer", optimizer);
    put(c, "training.learningRate", learningRate);
    put(c, "training.clipNorm", clip);
    put(c, "training.schedule", schedule);
    put(c, "training.steps", steps);
    put(c, "training.batchSize", batchSize);
    put(c, "training.seed", seed);
    put(c, "training.maxMinutes", maxMinutes);
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (eq < 0) {
        throw new UserError("--set expects KEY=VALUE, got '" + s + "'");
      }
      c.set(s.substring(0, eq).trim(), s.substring(eq + 1));
    }
    return c;
  }

  /**
   * On {@code --resume} the saved config is authoritative; only the length of training may
   * change ({@code --steps}, {@code --max-minutes}, and {@code --set training.*}).
   */
  ConfigTree applyResumeOverrides(ConfigTree saved) {
    put(saved, "training.steps", steps);
    put(saved, "training.maxMinutes", maxMinutes);
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (eq < 0 || !s.startsWith("training.")) {
        throw new UserError("with --resume only training settings may change, got --set " + s);
      }
      saved.set(s.substring(0, eq).trim(), s.substring(eq + 1));
    }
    return saved;
  }

  private static void put(ConfigTree c, String key, Object value) {
    if (value != null) {
      c.set(key, value instanceof String s ? quote(s) : value.toString());
    }
  }

  /** A JSON string literal, so values such as "none" or "1e3" stay strings. */
  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

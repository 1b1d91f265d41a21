package dev.attento.seq2seq.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An experiment's complete, checked configuration: where the data comes from, the model, how
 * it is trained and how it decodes. Read it with {@link ConfigTree} ({@code load(file)},
 * overrides, then {@code bind()}); write it back with {@link #toJson()} or {@link #toYaml()}.
 * The keys, their defaults and allowed values are listed in docs/configuration.md.
 *
 * @param data the {@code data} section
 * @param model the {@code model} section
 * @param training the {@code training} section
 * @param decoding the {@code decoding} section
 */
public record ExperimentConfig(DataSettings data, ModelSettings model, TrainingSettings training,
                               DecodingSettings decoding) {

  public ExperimentConfig {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(decoding, "decoding");
  }

  /** Every key at its default. */
  public static ExperimentConfig defaults() {
    return ConfigTree.defaults().bind();
  }

  /** The defaults overlaid with a JSON or YAML file, checked. */
  public static ExperimentConfig load(Path file) {
    return ConfigTree.load(file).bind();
  }

  /** The settings as a tree (to override keys, or to write). */
  public ConfigTree toTree() {
    return ConfigTree.of(this);
  }

  /** Pretty-printed JSON, as a run saves {@code config.json}. */
  public String toJson() {
    return toTree().toJson();
  }

  /** YAML. */
  public String toYaml() {
    return toTree().toYaml();
  }
}

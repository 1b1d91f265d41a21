package dev.attento.seq2seq.config;

/**
 * Generates docs/configuration.md from the catalogue: a table per section with every key's
 * type, default, allowed values and description, and the complete default configuration in
 * YAML. A test fails when the file in the repository differs from what this generates.
 */
public final class ConfigDocs {

  private ConfigDocs() {}

  /** The complete markdown page. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Configuration\n\n")
        .append("<!-- Generated from the key catalogue (dev.attento.seq2seq.config.ConfigKeys) by ConfigDocs:\n")
        .append("     regenerate with `attento config --format markdown > docs/configuration.md`.\n")
        .append("     ConfigDocsTest fails when this file differs from the generated text. -->\n\n")
        .append("An experiment is configured by one tree with four sections: `data` (where sentence pairs come\n")
        .append("from), `model` (the architecture), `training` and `decoding`. `attento train --config FILE`\n")
        .append("reads a file in JSON or, when its name ends in `.yaml` or `.yml`, in YAML (without anchors,\n")
        .append("aliases or tags); `--set section.key=value` overrides one key, and the flags of `attento train`\n")
        .append("are shorthand for keys. Keys a file leaves out keep their defaults. The whole tree is checked\n")
        .append("once, when it is read: an unknown key or a bad value stops with one line naming the key, the\n")
        .append("value and what is allowed, e.g.\n\n")
        .append("    attento: config file exp.yaml: unknown key 'training.learningrate'; did you mean 'training.learningRate'?\n")
        .append("    attento: config file exp.yaml: bad value for training.optimizer: \"adamW\"; expected one of adam, adamw, sgd (did you mean adamw?)\n\n")
        .append("Every run saves its effective configuration as `config.json` in the run directory.\n")
        .append("`attento config` prints the defaults below (`--format yaml|json|markdown`) and\n")
        .append("`attento config check FILE` checks a file.\n");
    for (String section : ConfigKeys.SECTIONS) {
      md.append("\n## ").append(section).append("\n\n")
          .append("| key | type | default | allowed | description |\n")
          .append("|---|---|---|---|---|\n");
      for (ConfigKey<?> k : ConfigKeys.section(section)) {
        md.append("| `").append(k.name()).append("` | ").append(k.type().typeName())
            .append(" | `").append(cell(fileForm(k))).append("` | ")
            .append(cell(k.type().allowed())).append(" | ").append(cell(k.description())).append(" |\n");
      }
    }
    md.append("\nConfigurations of earlier versions may also hold ").append(String.join(", ", DataKeys.IGNORED.stream()
            .map(k -> "`" + k + "`").toList()))
        .append(", which was never read; it is\naccepted and dropped (lower-casing is the word tokenizer's `:lowercase`")
        .append(" filter).\n");
    md.append("\n## The default configuration\n\n```yaml\n").append(ConfigTree.defaults().toYaml()).append("```\n");
    return md.toString();
  }

  /** The default as a file writes it ({@code null} rather than the help's {@code none}). */
  static String fileForm(ConfigKey<?> key) {
    return key.defaultNode().isNull() ? "null" : ConfigDefaults.show(key.defaultNode());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}

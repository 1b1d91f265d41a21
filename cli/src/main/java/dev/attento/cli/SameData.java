package dev.attento.cli;

import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.config.DataSettings;
import dev.attento.seq2seq.config.ExperimentConfig;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code compare --load}: the runs must have been trained on the same data, or one dev set
 * scores them unfairly (and a model is asked to translate with another's vocabulary in mind).
 */
final class SameData {

  private SameData() {}

  /**
   * Refuses, in one line, runs whose {@code data} sections or vocabularies differ from the first's.
   *
   * @param runs the run directories, in order
   * @param configs their configs (null where a run has none)
   * @param models their models
   */
  static void require(List<Path> runs, List<ExperimentConfig> configs, List<ModelBundle> models) {
    for (int i = 1; i < runs.size(); i++) {
      List<String> differences = new ArrayList<>();
      if (configs.get(0) != null && configs.get(i) != null) {
        differences.addAll(differingKeys(configs.get(0).data(), configs.get(i).data()));
      }
      if (!models.get(0).source().vocabulary().tokens().equals(models.get(i).source().vocabulary().tokens())) {
        differences.add("the source vocabulary");
      }
      if (!models.get(0).target().vocabulary().tokens().equals(models.get(i).target().vocabulary().tokens())) {
        differences.add("the target vocabulary");
      }
      if (!differences.isEmpty()) {
        throw new UserError("compare --load: " + runs.get(i) + " was trained on different data than " + runs.get(0)
            + " (" + String.join(", ", differences) + " differ); compare runs trained on the same data");
      }
    }
  }

  /** The {@code data.*} keys whose values differ. */
  private static List<String> differingKeys(DataSettings a, DataSettings b) {
    List<String> keys = new ArrayList<>();
    for (RecordComponent c : DataSettings.class.getRecordComponents()) {
      try {
        if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
          keys.add("data." + c.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read data." + c.getName(), e);
      }
    }
    return keys;
  }
}

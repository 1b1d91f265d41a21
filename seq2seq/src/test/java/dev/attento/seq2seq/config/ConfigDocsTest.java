package dev.attento.seq2seq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is what the catalogue generates, and the defaults it shows are the help's. */
class ConfigDocsTest {

  /** Maven runs the tests in the module directory. */
  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  @Test
  void docsConfigurationMdIsTheGeneratedText() throws Exception {
    assertEquals(ConfigDocs.markdown(), Files.readString(DOC), "docs/configuration.md is out of date: regenerate it "
        + "with `attento config --format markdown > docs/configuration.md` (ConfigDocs.markdown())");
  }

  @Test
  void everyKeyHasARowWithItsDefault() {
    String md = ConfigDocs.markdown();
    for (ConfigKey<?> k : ConfigKeys.all()) {
      assertTrue(md.contains("| `" + k.name() + "` | " + k.type().typeName() + " | `" + ConfigDocs.fileForm(k)
          + "` |"), k.name());
    }
  }

  @Test
  void helpDefaultsAreWrittenAsOnTheCommandLine() {
    assertEquals("1500", ConfigDefaults.text("training.steps"));
    assertEquals("adam", ConfigDefaults.text("training.optimizer"));
    assertEquals("0.001", ConfigDefaults.text("training.learningRate"));
    assertEquals("none", ConfigDefaults.text("data.train"));
    assertEquals("{}", ConfigDefaults.text("model.cellOptions"));
    assertEquals("Hidden size of each recurrent layer (per direction). Default: 128.", ConfigDefaults.help("model.hidden"));
    assertEquals(ConfigKeys.all().size(), ConfigDefaults.all().size());
    assertEquals("no config key 'model.hiden'; did you mean 'model.hidden'?",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> ConfigDefaults.text("model.hiden")).getMessage());
  }
}

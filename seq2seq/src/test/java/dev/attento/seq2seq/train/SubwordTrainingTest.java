package dev.attento.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.bundle.ModelFileException;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.text.SpecialTokens;
import dev.attento.seq2seq.text.bpe.BpeTokenizer;
import dev.attento.seq2seq.translate.TextTranslator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bpe} tokenizers: learned from the training data, stored in the run, never an unknown token. */
class SubwordTrainingTest {

  @TempDir
  Path dir;

  private static ConfigTree bpe(String source, String target) {
    return TrainerTest.tiny(4).set("data.sourceTokenizer", "\"" + source + "\"")
        .set("data.targetTokenizer", "\"" + target + "\"");
  }

  @Test
  void theSameBpeOnBothSidesLearnsOneJointModelUnlessToldNotTo() {
    TrainingData joint = DataPreparation.prepare(bpe("bpe:400", "bpe:400").bind());
    assertSame(joint.source().tokenizer(), joint.target().tokenizer());
    assertTrue(joint.source().tokenizer() instanceof BpeTokenizer);
    TrainingData separate = DataPreparation.prepare(bpe("bpe:400", "bpe:400").set("data.jointBpe", "false").bind());
    assertNotSame(separate.source().tokenizer(), separate.target().tokenizer());
    TrainingData mixed = DataPreparation.prepare(bpe("bpe:350", "char").bind());
    assertTrue(mixed.source().tokenizer() instanceof BpeTokenizer);
    assertFalse(mixed.target().tokenizer() instanceof BpeTokenizer);
    for (TrainingData d : List.of(joint, separate, mixed)) {
      for (Example e : d.dev()) { // unseen dev text still has no unknown pieces
        for (int id : e.source()) {
          assertTrue(id != SpecialTokens.UNK || !(d.source().tokenizer() instanceof BpeTokenizer), "no <unk> in " + e);
        }
      }
    }
  }

  @Test
  void aTrainedRunKeepsItsSubwordModelsAndTranslatesTheSameAfterLoading() throws Exception {
    ExperimentConfig c = bpe("bpe:400", "bpe:380").set("data.jointBpe", "false").bind();
    TrainingData data = DataPreparation.prepare(c);
    ModelBundle model = data.newModel(c.model(), c.training().seed(), null);
    new Trainer(model, data, c.training(), Kernels.detect(), dir.resolve("run"), new TrainerTest.Losses()).train();
    Path checkpoint = Checkpoints.latest(dir.resolve("run"));
    assertTrue(Files.isRegularFile(checkpoint.resolve("source.bpe")) && Files.isRegularFile(checkpoint.resolve("target.bpe")));
    ModelBundle loaded = Checkpoints.loadModel(dir.resolve("run"), null);
    List<String> text = List.of("March 3, 2021", "Monday, May 1, 2000", "Sunday, ☃ 9, 1990");
    DecodingOptions greedy = DecodingOptions.greedy();
    var before = new TextTranslator(model, greedy, false, Kernels.detect()).translate(text);
    var after = new TextTranslator(loaded, greedy, false, Kernels.detect()).translate(text);
    for (int i = 0; i < text.size(); i++) {
      assertEquals(before.get(i).sourceTokens(), after.get(i).sourceTokens());
      assertEquals(before.get(i).targetTokens(), after.get(i).targetTokens());
      assertEquals(before.get(i).text(), after.get(i).text());
      assertEquals(before.get(i).score(), after.get(i).score());
    }

    Path bpe = checkpoint.resolve("target.bpe");
    byte[] bytes = Files.readAllBytes(bpe);
    bytes[bytes.length / 2] ^= 1;
    Files.write(bpe, bytes);
    ModelFileException e = assertThrows(ModelFileException.class, () -> Checkpoints.loadModel(dir.resolve("run"), null));
    assertEquals(bpe + ": checksum mismatch (the file is corrupt or was changed)", e.getMessage());
  }
}

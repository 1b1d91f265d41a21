package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI end to end, on a tiny model so the suite stays fast. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliTest {

  @TempDir
  static Path dir;

  static Path run;

  static final String[] TINY = {"--task", "dates", "--hidden", "16", "--embedding", "8", "--steps", "8",
      "--batch-size", "8", "--set", "data.trainSize=64", "--set", "data.devSize=8", "--set", "training.evalEvery=4",
      "--set", "training.checkpointEvery=4"};

  static String[] with(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(more, 0, all, 0, more.length);
    System.arraycopy(base, 0, all, more.length, base.length);
    return all;
  }

  @BeforeAll
  static void trainTinyModel() {
    Cli.Result r = Cli.run(with(TINY, "train", "--runs", dir.toString(), "--name", "tiny"));
    assertEquals(0, r.code(), r.out() + r.err());
    run = dir.resolve("tiny");
  }

  @Test
  @Order(1)
  void trainWritesTheRunDirectory() {
    for (String f : List.of("config.json", "metrics.csv", "curves.png", "checkpoints/LATEST")) {
      assertTrue(Files.exists(run.resolve(f)), f);
    }
  }

  @Test
  void versionAndHelp() {
    Cli.Result v = Cli.run("--version");
    assertEquals(0, v.code());
    assertTrue(v.out().startsWith("attento "), v.out());
    Cli.Result h = Cli.run("--help");
    for (String sub : List.of("train", "translate", "eval", "compare", "gradients", "cells", "data", "bench", "completion")) {
      assertTrue(h.out().contains(sub), sub + " missing from help");
    }
    assertTrue(Cli.run("completion").out().contains("complete"), "completion script");
    // Help text is wrapped at any space, so compare without whitespace.
    String train = Cli.run("train", "--help").out().replaceAll("\\s+", "");
    assertTrue(train.contains("Default:1500.(training.steps)"), train);
    assertTrue(train.contains("Default:luong-general.(model.attention)"), train);
    String compare = Cli.run("compare", "--help").out().replaceAll("\\s+", "");
    assertTrue(compare.contains("Defaultforcompare:reverse.(data.task)"), compare);
  }

  @Test
  void translateFromArgumentsStdinWithAttention() throws Exception {
    Cli.Result r = Cli.run("translate", "-m", run.toString(), "March 3, 2021", "Monday, May 1, 2000");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, r.out().lines().count(), r.out());
    Cli.Result piped = Cli.runWithInput("March 3, 2021\nJune 9, 1990\n", "translate", "-m", run.toString(),
        "--show-attention");
    assertEquals(0, piped.code(), piped.err());
    assertEquals(2, piped.out().lines().filter(l -> l.startsWith("  source tokens: ")).count(), piped.out());
    Path png = dir.resolve("map.png");
    assertEquals(0, Cli.run("translate", "-m", run.toString(), "--attention-map", png.toString(), "March 3, 2021").code());
    assertTrue(Files.size(png) > 1000);
  }

  @Test
  void anyThreadCountAndKernelTranslatesTheSame() {
    List<String> dates = List.of("March 3, 2021", "Monday, May 1, 2000", "June 9, 1990", "July 4, 1776");
    Cli.Result one = translate(dates, "--threads", "1");
    assertEquals(0, one.code(), one.err());
    assertEquals(one.out(), translate(dates, "--threads", "3").out(), "three threads");
    assertEquals(one.out(), translate(dates, "--threads", "2", "--kernels", "reference").out(), "reference kernels");
  }

  private static Cli.Result translate(List<String> sentences, String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("translate", "-m", run.toString()));
    args.addAll(List.of(options));
    args.addAll(sentences);
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void evalScoresTheModelAndPlainFiles() throws Exception {
    Cli.Result r = Cli.run("eval", "-m", run.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("exact") && r.out().contains("all"), r.out());
    Path hyp = Files.writeString(dir.resolve("hyp.txt"), "il gatto è sul tappeto\nciao mondo\n");
    Path ref = Files.writeString(dir.resolve("ref.txt"), "il gatto è sul tappeto\nciao a tutti\n");
    Cli.Result j = Cli.run("eval", "--hyp", hyp.toString(), "--ref", ref.toString(), "--json");
    assertEquals(0, j.code(), j.err());
    JsonNode doc = new ObjectMapper().readTree(j.out());
    for (String key : List.of("bleu", "chrf", "precisions", "bp", "sys_len", "ref_len")) {
      assertTrue(doc.has(key), key);
    }
    assertEquals(7, doc.get("sys_len").asInt());
  }

  @Test
  void compareTrainsBothVariantsAndDrawsCharts() {
    Cli.Result r = Cli.run(with(TINY, "compare", "--runs", dir.toString(), "--name", "cmp", "--variants",
        "none,luong-dot", "--heatmaps", "1"));
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("luong-dot") && r.out().contains("length"), r.out());
    assertTrue(Files.exists(dir.resolve("cmp/quality-by-length.png")));
    assertTrue(Files.exists(dir.resolve("cmp/attention-luong-dot-1.png")));
  }

  @Test
  void theRealDataExampleConfigTrainsOnUiStrings() throws Exception {
    Path config = Path.of("..", "examples", "real-data", "libreoffice-en-it.json");
    assertTrue(Files.isRegularFile(config), config.toAbsolutePath().toString());
    Path tsv = uiStrings();
    Cli.Result r = Cli.run("train", "--config", config.toString(), "--set", "data.train=" + tsv, "--set", "data.dev=" + tsv,
        "--set", "data.minFrequency=1", "--steps", "2", "--hidden", "8", "--embedding", "4", "--runs", dir.toString(),
        "--name", "ui");
    assertEquals(0, r.code(), r.out() + r.err());
    String saved = Files.readString(dir.resolve("ui/config.json"));
    assertTrue(saved.contains("word:elision,join") && saved.contains("\"replaceUnknown\" : true"), saved);
    Cli.Result t = Cli.run("translate", "-m", dir.resolve("ui").toString(), "Row %ROWNUMBER");
    assertEquals(0, t.code(), t.err());
    assertFalse(t.out().contains("￭"), "joiner marks never reach the output: " + t.out());
  }

  @Test
  void theSubwordRealDataConfigTrainsOnUiStringsAndStoresItsMerges() throws Exception {
    Path config = Path.of("..", "examples", "real-data", "libreoffice-en-it-bpe.json");
    Path tsv = uiStrings();
    Cli.Result r = Cli.run("train", "--config", config.toString(), "--set", "data.train=" + tsv, "--set", "data.dev=" + tsv,
        "--steps", "2", "--hidden", "8", "--embedding", "8", "--runs", dir.toString(), "--name", "ui-bpe");
    assertEquals(0, r.code(), r.out() + r.err());
    String saved = Files.readString(dir.resolve("ui-bpe/config.json"));
    assertTrue(saved.contains("bpe:8000") && saved.contains("\"tieEmbeddings\" : true"), saved);
    // a character the training text never had still translates: the merges are in the run
    Cli.Result t = Cli.run("translate", "-m", dir.resolve("ui-bpe").toString(), "Row ☃ %ROWNUMBER");
    assertEquals(0, t.code(), t.err());
  }

  /** Six LibreOffice-like UI string pairs with placeholders, as a TSV in the test directory. */
  private Path uiStrings() throws IOException {
    Path tsv = dir.resolve("ui.tsv");
    Files.writeString(tsv, String.join("\n", "Row %ROWNUMBER\tRiga %ROWNUMBER", "Insert as reference (read-only)\t"
        + "Inserisci come riferimento (sola lettura)", "3D View\tVista 3D", "Open the file\tApri il file",
        "Data Series $(ROW)\tSerie di dati $(ROW)", "Save the document\tSalva il documento") + "\n");
    return tsv;
  }

  @Test
  void unknownWordsAreReplacedOnRequestOrByTheRunsConfig() {
    // a target vocabulary of the special tokens only: every output word is <unk>
    String[] unk = with(TINY, "--lr", "0.05", "--set", "data.maxVocabulary=4", "--attention", "luong-dot");
    assertEquals(0, Cli.run(with(unk, "train", "--runs", dir.toString(), "--name", "u")).code());
    assertEquals(0, Cli.run(with(unk, "train", "--runs", dir.toString(), "--name", "u2", "--set",
        "decoding.replaceUnknown=true")).code());
    String date = "Monday, March 3, 2021";
    Cli.Result plain = Cli.run("translate", "-m", dir.resolve("u").toString(), date);
    assertTrue(plain.out().contains("<unk>"), plain.out());
    Cli.Result flag = Cli.run("translate", "-m", dir.resolve("u").toString(), "--replace-unknown", date);
    Cli.Result config = Cli.run("translate", "-m", dir.resolve("u2").toString(), date);
    Cli.Result off = Cli.run("translate", "-m", dir.resolve("u2").toString(), "--no-replace-unknown", date);
    assertTrue(off.out().contains("<unk>"), off.out());
    for (Cli.Result r : List.of(flag, config)) {
      assertEquals(0, r.code(), r.err());
      assertFalse(r.out().contains("<unk>"), r.out());
      assertFalse(r.out().isBlank(), r.out());
    }
    Cli.Result e1 = Cli.run("eval", "-m", dir.resolve("u").toString(), "--json");
    Cli.Result e2 = Cli.run("eval", "-m", dir.resolve("u").toString(), "--json", "--replace-unknown");
    assertEquals(0, e2.code(), e2.err());
    assertNotEquals(e1.out(), e2.out());
  }

  @Test
  void compareLoadsRunsAndScoresAGivenTestSet() throws Exception {
    assertEquals(0, Cli.run(with(TINY, "train", "--runs", dir.toString(), "--name", "a", "--attention", "none")).code());
    assertEquals(0, Cli.run(with(TINY, "train", "--runs", dir.toString(), "--name", "b", "--attention", "luong-dot")).code());
    Path test = dir.resolve("test.tsv");
    assertEquals(0, Cli.run("data", "generate", "dates", "--count", "7", "--seed", "9", "-o", test.toString()).code());
    Cli.Result r = Cli.run("compare", "--load", dir.resolve("a") + "," + dir.resolve("b"), "--test", test.toString(),
        "--runs", dir.toString(), "--name", "cmp-test", "--heatmaps", "1", "--chart-metric", "chrf");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("7 held-out sentences (" + test + ")"), r.out());
    assertTrue(Files.exists(dir.resolve("cmp-test/attention-b-1.png")));
    assertTrue(Files.exists(dir.resolve("cmp-test/quality-by-length.png")));
    Cli.Result bad = Cli.run("compare", "--load", dir.resolve("a").toString(), "--chart-metric", "rouge");
    assertEquals(UserError.EXIT_CODE, bad.code());
    assertTrue(bad.err().contains("unknown --chart-metric 'rouge'"), bad.err());
  }

  @Test
  void gradientsPrintsATableAndChart() {
    Path png = dir.resolve("g.png");
    Cli.Result r = Cli.run("gradients", "--length", "20", "--hidden", "8", "--batch", "2", "--chart", png.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("lstm") && r.out().contains("gru"), r.out());
    assertTrue(Files.exists(png));
  }

  @Test
  void cellsLearnTrainsEachSettingPerSeed() {
    Path png = dir.resolve("learn.png");
    Cli.Result r = Cli.run("cells", "learn", "--cells", "rnn;gru:update_bias=2.0", "--length", "10", "--hidden", "8",
        "--batch", "4", "--steps", "20", "--eval-every", "10", "--eval-size", "16", "--seeds", "1,2", "--chart",
        png.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(4, r.out().lines().filter(l -> l.matches("(rnn|gru update_bias=2\\.0) +[12] +20 .*")).count(), r.out());
    assertTrue(r.err().contains("gru update_bias=2.0: step 10, held-out MSE"), r.err());
    assertTrue(Files.exists(png));
    Cli.Result early = Cli.run("cells", "learn", "--cells", "lstm", "--length", "10", "--hidden", "8", "--steps", "20",
        "--eval-every", "5", "--solved", "100", "--stop-when-solved");
    assertEquals(0, early.code(), early.err());
    assertTrue(early.out().lines().anyMatch(l -> l.matches("lstm +1 +5 .*step 5 .*")), early.out());
    Cli.Result bad = Cli.run("cells", "learn", "--cells", "rnn:activation");
    assertEquals(UserError.EXIT_CODE, bad.code());
    assertTrue(bad.err().contains("options must be key=value"), bad.err());
  }

  @Test
  void dataTasksGenerateAndStats() throws Exception {
    assertTrue(Cli.run("data", "tasks").out().contains("numbers"));
    Path tsv = dir.resolve("d.tsv");
    assertEquals(0, Cli.run("data", "generate", "reverse", "--count", "30", "-o", tsv.toString()).code());
    Files.writeString(tsv, "broken line\n", java.nio.file.StandardOpenOption.APPEND);
    Cli.Result s = Cli.run("data", "stats", tsv.toString());
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("30 pairs") && s.out().contains(":31: missing tab"), s.out());
  }

  @Test
  void cellsListCheckAndRunAgainstPyTorch() throws Exception {
    assertTrue(Cli.run("cells", "list").out().contains("lstm"));
    Cli.Result check = Cli.run("cells", "check", "gru");
    assertEquals(0, check.code(), check.out());
    assertTrue(check.out().contains("PASSED"));
    Path fixtures = Path.of("..", "cells", "src", "test", "resources", "pytorch");
    Path out = dir.resolve("lstm-out.safetensors");
    Cli.Result r = Cli.run("cells", "run", "--cell", "lstm", "--weights", fixtures.resolve("lstm.weights.safetensors").toString(),
        "--input", fixtures.resolve("lstm.input.safetensors").toString(), "--grad-output",
        fixtures.resolve("lstm.input.safetensors").toString(), "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    var mine = dev.attento.core.io.SafeTensors.read(out);
    var torch = dev.attento.core.io.SafeTensors.read(fixtures.resolve("lstm.expected.safetensors"));
    for (String name : List.of("output", "h_n", "c_n", "grad_input", "grad_weight_hh_l0")) {
      float[] a = mine.tensor(name).data();
      float[] b = torch.tensor(name).data();
      for (int i = 0; i < a.length; i++) {
        assertEquals(b[i], a[i], 1e-5f * Math.max(1f, Math.abs(b[i])), name + "[" + i + "]");
      }
    }
  }

  @Test
  void userErrorsAreOneLineAndNonZero() throws Exception {
    Cli.Result missing = Cli.run("train", "--train", dir.resolve("nope.tsv").toString(), "--dev", "x.tsv", "--runs",
        dir.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().strip().endsWith("nope.tsv: no such file"), missing.err());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    Cli.Result key = Cli.run("train", "--set", "training.stpes=3", "--runs", dir.toString());
    assertEquals(1, key.code());
    assertTrue(key.err().contains("did you mean 'training.steps'"), key.err());
    Cli.Result cell = Cli.run(with(TINY, "train", "--cell", "lsmt", "--runs", dir.toString()));
    assertEquals(1, cell.code());
    assertTrue(cell.err().contains("unknown cell 'lsmt'; available: gru, lstm, rnn"), cell.err());
    assertFalse(cell.err().contains("\tat "), "no stack trace");
    Cli.Result usage = Cli.run("train", "--steps", "many");
    assertEquals(2, usage.code());
    Cli.Result threads = Cli.run("translate", "-m", run.toString(), "--threads", "0", "hello");
    assertEquals(1, threads.code());
    assertEquals("attento: --threads must be between 1 and 1024, got 0", threads.err().strip());
    Cli.Result kernels = Cli.run("translate", "-m", run.toString(), "--kernels", "gpu", "hello");
    assertEquals(1, kernels.code());
    assertEquals("attento: --kernels: unknown kernels 'gpu'; choose auto, vector, blocked or reference",
        kernels.err().strip());
    Cli.Result port = Cli.run("serve", "-m", run.toString(), "--port", "99999");
    assertEquals(1, port.code());
    assertEquals("attento: --port must be between 0 and 65535, got 99999", port.err().strip());
    Cli.Result noRun = Cli.run("serve", "-m", dir.resolve("none").toString(), "--port", "0");
    assertEquals(1, noRun.code());
    assertTrue(noRun.err().contains("does not exist") && noRun.err().strip().lines().count() == 1, noRun.err());
    Cli.Result noModel = Cli.run("translate", "-m", dir.resolve("none").toString(), "hello");
    assertEquals(1, noModel.code());
    assertTrue(noModel.err().contains("does not exist"), noModel.err());
  }

  @Test
  void aCorruptCheckpointIsOneClearLine() throws Exception {
    Path copy = dir.resolve("corrupt");
    Cli.Result r = Cli.run(with(TINY, "train", "--runs", dir.toString(), "--name", "corrupt"));
    assertEquals(0, r.code(), r.err());
    Path ckpt = copy.resolve("checkpoints").resolve(Files.readString(copy.resolve("checkpoints/LATEST")).strip());
    Files.writeString(ckpt.resolve("model.json"), "{}");
    Cli.Result t = Cli.run("translate", "-m", copy.toString(), "March 3, 2021");
    assertEquals(1, t.code());
    assertTrue(t.err().contains("checksum mismatch"), t.err());
  }
}

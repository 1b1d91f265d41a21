package dev.attento.seq2seq.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attento.cells.CellPin;
import dev.attento.cells.PinPolicy;
import dev.attento.cells.CellRegistryException;
import dev.attento.core.io.AtomicFiles;
import dev.attento.core.io.Checksums;
import dev.attento.core.io.SafeTensors;
import dev.attento.core.io.SafeTensorsException;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.Translator;
import dev.attento.seq2seq.text.TextCodec;
import dev.attento.seq2seq.text.Tokenizer;
import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.Vocabulary;
import dev.attento.seq2seq.text.bpe.BpeTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ModelBundle} on disk: a directory with
 *
 * <ul>
 *   <li>{@code model.json} — format, architecture, tokenizer specs and seed, and for a cell
 *       from a plugin jar its {@link CellPin} ({@code cellPlugin}: jar, SHA-256, provider,
 *       version, complete options; absent for a built-in cell);
 *   <li>{@code source.vocab.json}, {@code target.vocab.json} — the vocabularies;
 *   <li>{@code weights.safetensors} — every parameter by name;
 *   <li>{@code checksums.json} — the SHA-256 of every file of the directory (a checkpoint
 *       adds its own files to it).
 * </ul>
 *
 * Reading verifies every checksum, the format, the vocabulary sizes and every tensor's name
 * and shape before a single weight is copied into the model.
 */
public final class BundleFiles {

  /** Version of the layout; a directory of another version is refused. */
  public static final int FORMAT = 1;
  /** The checksum file. */
  public static final String CHECKSUMS = "checksums.json";
  /** The bundle's own files. */
  public static final List<String> FILES = List.of("model.json", "source.vocab.json", "target.vocab.json",
      "weights.safetensors");

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BundleFiles() {}

  /**
   * Writes the bundle's files into {@code dir} (checksums are written by {@link #writeChecksums}):
   * {@link #FILES}, and {@code source.bpe} / {@code target.bpe} for a side with learned subwords.
   *
   * @return the names of the files written
   */
  public static List<String> write(Path dir, ModelBundle bundle) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("model", bundle.config());
    doc.put("sourceTokenizer", bundle.source().tokenizer().spec().toString());
    doc.put("targetTokenizer", bundle.target().tokenizer().spec().toString());
    doc.put("seed", bundle.seed());
    CellPin pin = CellPin.of(bundle.translator().cells().get(0), bundle.config().cell(), bundle.config().cellOptions());
    if (pin != null) {
      doc.put("cellPlugin", pin);
    }
    AtomicFiles.writeString(dir.resolve("model.json"), JSON.writeValueAsString(doc));
    bundle.source().vocabulary().save(dir.resolve("source.vocab.json"));
    bundle.target().vocabulary().save(dir.resolve("target.vocab.json"));
    SafeTensors.write(dir.resolve("weights.safetensors"), bundle.translator().parameters().asMap());
    List<String> written = new ArrayList<>(FILES);
    for (Side side : Side.values()) {
      if (side.codec(bundle).tokenizer() instanceof BpeTokenizer bpe) {
        bpe.save(dir.resolve(side.bpeFile()));
        written.add(side.bpeFile());
      }
    }
    return written;
  }

  /** The two sides of a bundle, and the file of each side's subword model. */
  private enum Side {
    SOURCE, TARGET;

    TextCodec codec(ModelBundle bundle) {
      return this == SOURCE ? bundle.source() : bundle.target();
    }

    String bpeFile() {
      return this == SOURCE ? "source.bpe" : "target.bpe";
    }
  }

  /** Writes {@code checksums.json} over {@code files} of {@code dir}. */
  public static void writeChecksums(Path dir, List<String> files) throws IOException {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String f : files) {
      sums.put(f, Checksums.sha256(dir.resolve(f)));
    }
    AtomicFiles.writeString(dir.resolve(CHECKSUMS), JSON.writeValueAsString(sums));
  }

  /**
   * Verifies that every file in {@code required}, and every other file {@code checksums.json}
   * lists, exists and matches its checksum.
   *
   * @throws ModelFileException naming the first missing, unlisted or altered file
   */
  public static void verify(Path dir, List<String> required) {
    Path sumsFile = dir.resolve(CHECKSUMS);
    if (!Files.isRegularFile(sumsFile)) {
      throw new ModelFileException(dir + ": not a model directory (missing " + CHECKSUMS + ")");
    }
    JsonNode sums;
    try {
      sums = JSON.readTree(sumsFile.toFile());
    } catch (IOException e) {
      throw new ModelFileException(sumsFile + ": unreadable (" + e.getMessage() + ")");
    }
    if (sums == null || !sums.isObject()) {
      throw new ModelFileException(sumsFile + ": not a checksum list");
    }
    Set<String> files = new LinkedHashSet<>(required);
    sums.fieldNames().forEachRemaining(files::add);
    for (String f : files) {
      if (f.contains("/") || f.contains("\\") || f.startsWith(".")) {
        throw new ModelFileException(sumsFile + ": lists a file outside the directory ('" + f + "')");
      }
      Path file = dir.resolve(f);
      if (!Files.isRegularFile(file)) {
        throw new ModelFileException(dir + ": missing " + f);
      }
      String expected = sums.path(f).asText("");
      if (expected.isEmpty()) {
        throw new ModelFileException(sumsFile + ": no checksum for " + f);
      }
      try {
        if (!expected.equals(Checksums.sha256(file))) {
          throw new ModelFileException(file + ": checksum mismatch (the file is corrupt or was changed)");
        }
      } catch (IOException e) {
        throw new ModelFileException(file + ": unreadable (" + e.getMessage() + ")");
      }
    }
  }

  /**
   * The plugin pin the bundle in {@code dir} records ({@code model.json}, verified against its
   * checksum), or {@code null} for a built-in cell: which jar must provide the cell, known
   * before any cell is loaded (a Spark executor picks the shipped jar by it).
   */
  public static CellPin pin(Path dir) {
    verify(dir, List.of("model.json"));
    Path modelFile = dir.resolve("model.json");
    try {
      return pinOf(JSON.readTree(modelFile.toFile()));
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFileException(modelFile + ": invalid model description (" + firstLine(e.getMessage()) + ")");
    }
  }

  private static CellPin pinOf(JsonNode doc) throws IOException {
    return doc != null && doc.hasNonNull("cellPlugin") ? JSON.treeToValue(doc.get("cellPlugin"), CellPin.class) : null;
  }

  /**
   * Reads the bundle in {@code dir}, verified.
   *
   * @param pluginDir a directory of cell plugin jars, or {@code null}
   */
  public static ModelBundle read(Path dir, Path pluginDir) {
    return read(dir, pluginDir, PinPolicy.refuse());
  }

  /**
   * Reads the bundle in {@code dir}, verified.
   *
   * @param pluginDir a directory of cell plugin jars, or {@code null}
   * @param pinPolicy what to do if a plugin cell's jar is not the one the model was trained with
   */
  public static ModelBundle read(Path dir, Path pluginDir, PinPolicy pinPolicy) {
    verify(dir, FILES);
    Path modelFile = dir.resolve("model.json");
    try {
      JsonNode doc = JSON.readTree(modelFile.toFile());
      if (doc == null || !doc.isObject()) {
        throw new ModelFileException(modelFile + ": not a model description");
      }
      if (doc.path("format").asInt() != FORMAT) {
        throw new ModelFileException(modelFile + ": unsupported model format " + doc.path("format"));
      }
      for (String key : List.of("model", "sourceTokenizer", "targetTokenizer", "seed")) {
        if (!doc.hasNonNull(key)) {
          throw new ModelFileException(modelFile + ": no \"" + key + "\"");
        }
      }
      ModelConfig config;
      TokenizerSpec sourceSpec;
      TokenizerSpec targetSpec;
      CellPin pin;
      try {
        config = JSON.treeToValue(doc.get("model"), ModelConfig.class);
        pin = pinOf(doc);
        sourceSpec = TokenizerSpec.parse(doc.get("sourceTokenizer").asText());
        targetSpec = TokenizerSpec.parse(doc.get("targetTokenizer").asText());
      } catch (IOException | IllegalArgumentException e) {
        throw new ModelFileException(modelFile + ": invalid model description (" + firstLine(e.getMessage()) + ")");
      }
      long seed = doc.get("seed").asLong();
      Vocabulary sv = vocabulary(dir.resolve("source.vocab.json"));
      Vocabulary tv = vocabulary(dir.resolve("target.vocab.json"));
      if (sv.size() != config.sourceVocab() || tv.size() != config.targetVocab()) {
        throw new ModelFileException(dir + ": vocabulary sizes " + sv.size() + "/" + tv.size()
            + " do not match the model's " + config.sourceVocab() + "/" + config.targetVocab());
      }
      Translator translator = buildPinned(config, seed, pluginDir, pin, pinPolicy);
      copyInto(dir.resolve("weights.safetensors"), translator.parameters().asMap());
      return new ModelBundle(translator, new TextCodec(tokenizer(dir, Side.SOURCE, sourceSpec), sv),
          new TextCodec(tokenizer(dir, Side.TARGET, targetSpec), tv), seed);
    } catch (IOException e) {
      throw new ModelFileException(dir + ": cannot read the model: " + e.getMessage());
    }
  }

  /**
   * Builds the translator, its weights left undrawn for the checkpoint's to be copied in; a
   * plugin cell must come from a jar with the recorded hash: the recorded jar itself when no
   * plugin directory is given, else the jar found there.
   */
  private static Translator buildPinned(ModelConfig config, long seed, Path pluginDir, CellPin pin, PinPolicy policy) {
    try {
      Path plugins = pin == null || pluginDir != null ? pluginDir : pin.recordedJar(config.cell(), policy);
      Translator translator = Translators.buildForLoading(config, seed, plugins);
      if (pin != null) {
        pin.verify(translator.cells().get(0), config.cell(), policy);
      }
      return translator;
    } catch (CellRegistryException e) {
      throw new ModelFileException(e.getMessage());
    }
  }

  /** A side's tokenizer: made from its spec, or, for learned subwords, read from the bundle (verified). */
  private static Tokenizer tokenizer(Path dir, Side side, TokenizerSpec spec) throws IOException {
    if (!spec.needsTraining()) {
      return spec.create();
    }
    verify(dir, List.of(side.bpeFile()));
    try {
      return BpeTokenizer.load(dir.resolve(side.bpeFile()));
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(firstLine(e.getMessage()));
    }
  }

  private static Vocabulary vocabulary(Path file) throws IOException {
    try {
      return Vocabulary.load(file);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(e.getMessage());
    }
  }

  /** Copies saved weights into the model's tensors, after checking that every one fits. */
  private static void copyInto(Path file, Map<String, Tensor> parameters) {
    Map<String, Tensor> saved;
    try {
      saved = SafeTensors.read(file).tensors();
    } catch (SafeTensorsException e) {
      throw new ModelFileException(e.getMessage());
    }
    for (var e : parameters.entrySet()) {
      Tensor s = saved.get(e.getKey());
      if (s == null) {
        throw new ModelFileException(file + ": no tensor '" + e.getKey() + "' (the file is from a different model)");
      }
      if (!Arrays.equals(s.shape(), e.getValue().shape())) {
        throw new ModelFileException(file + ": tensor '" + e.getKey() + "' has shape " + Arrays.toString(s.shape())
            + " but the model needs " + Arrays.toString(e.getValue().shape()));
      }
    }
    if (saved.size() != parameters.size()) {
      List<String> extra = new ArrayList<>(saved.keySet());
      extra.removeAll(parameters.keySet());
      throw new ModelFileException(file + ": has " + saved.size() + " tensors, the model " + parameters.size()
          + " (unexpected: " + String.join(", ", extra) + ")");
    }
    parameters.forEach((name, t) -> System.arraycopy(saved.get(name).data(), 0, t.data(), 0, t.size()));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}

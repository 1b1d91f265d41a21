package dev.attento.cli;

import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.bpe.BpeDecoder;
import dev.attento.seq2seq.text.bpe.BpeTokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attento data bpe learn|apply|decode}: byte-pair-encoding subword units on plain files,
 * for data prepared outside {@code attento train}. Each line is a text; tabs separate fields that
 * are encoded one by one (a TSV corpus stays a TSV, and {@code learn} on it gives a joint
 * vocabulary). Pieces are written separated by spaces, SentencePiece-style: {@code ▁} marks a
 * space, {@code <0xE2>} a byte of a character the model has no piece for.
 */
@Command(name = "bpe", mixinStandardHelpOptions = true,
    description = {"Byte-pair-encoding subword units: learn merges from text files, apply them, decode pieces back to text.",
        "Lines are texts; tab-separated fields are encoded separately. Pieces are space-separated, SentencePiece-style "
            + "(▁ marks a space, <0xE2> is a byte of a character without a piece)."},
    subcommands = {BpeCommand.Learn.class, BpeCommand.Apply.class, BpeCommand.Decode.class})
final class BpeCommand implements Runnable {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "learn", mixinStandardHelpOptions = true, description = "Learn BPE merges from text or TSV files.")
  static final class Learn implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Texts, one a line (a TSV's fields count as texts).")
    List<Path> files;

    @Option(names = "--size", defaultValue = "8000", paramLabel = "N",
        description = "Vocabulary size: at most N entries, 4 specials and 256 byte pieces included (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL", description = "The model file to write.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      TokenizerSpec bpe = TokenizerSpec.parse("bpe:" + size);
      List<String> texts = new ArrayList<>();
      for (Path f : files) {
        if (f.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
          throw new UserError(f + " is both an input and the output");
        }
        PlainTextFiles.forEachLine(f, line -> texts.addAll(Arrays.asList(line.split("\t", -1))));
      }
      long start = System.nanoTime();
      BpeTokenizer tokenizer = BpeTokenizer.learn(bpe, texts);
      double seconds = (System.nanoTime() - start) / 1e9;
      tokenizer.save(out);
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "learned %d merges from %d texts (alphabet of %d characters) in %.1f s; vocabulary of %d;"
              + " wrote %s%n", tokenizer.model().merges().size(), texts.size(), tokenizer.model().alphabet().size(), seconds,
          tokenizer.vocabulary().size(), out);
      err.flush();
      return 0;
    }
  }

  @Command(name = "apply", mixinStandardHelpOptions = true, description = "Split text into BPE pieces, one line per line.")
  static final class Apply implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "A model from 'data bpe learn'.")
    Path model;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Text to encode (default: standard input).")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(model)) {
        throw new UserError(model + ": no such model file");
      }
      BpeTokenizer tokenizer = BpeTokenizer.load(model);
      return printFields(spec, file, text -> String.join(" ", tokenizer.tokenize(text)));
    }
  }

  @Command(name = "decode", mixinStandardHelpOptions = true,
      description = "Join space-separated BPE pieces back into the exact original text (needs no model).")
  static final class Decode implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Pieces to decode (default: standard input).")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      BpeDecoder decoder = new BpeDecoder();
      return printFields(spec, file, pieces -> decoder.decode(pieces.isEmpty() ? List.of() : Arrays.asList(pieces.split(" +"))));
    }
  }

  /** Prints each line of {@code file} (or standard input) with its tab-separated fields replaced by {@code f}'s result. */
  private static int printFields(picocli.CommandLine.Model.CommandSpec spec, Path file, UnaryOperator<String> f)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PlainTextFiles.forEachLine(file, line -> {
      String[] fields = line.split("\t", -1);
      for (int i = 0; i < fields.length; i++) {
        fields[i] = f.apply(fields[i]);
      }
      out.println(String.join("\t", fields));
    });
    out.flush();
    return 0;
  }
}

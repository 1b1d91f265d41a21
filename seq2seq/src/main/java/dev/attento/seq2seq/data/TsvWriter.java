package dev.attento.seq2seq.data;

import dev.attento.core.io.OutputTarget;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes pairs as a TSV corpus ({@code source<TAB>target}, UTF-8, LF), atomically, so an
 * interrupted import never leaves a half-written corpus that a later training run would
 * read without complaint (or through, to a device, pipe or symlink: see {@link OutputTarget}).
 */
public final class TsvWriter {

  private TsvWriter() {}

  /**
   * Writes {@code pairs} to {@code file}; a side holding a tab or line break (never one read
   * by Attento's readers, which {@linkplain Segments#oneLine make sides one line}) is an error.
   */
  public static void write(Path file, List<SentencePair> pairs) throws IOException {
    write(OutputTarget.of(file), pairs);
  }

  /** Writes {@code pairs} to {@code target}, as {@link #write(Path, List)} does to a file. */
  public static void write(OutputTarget target, List<SentencePair> pairs) throws IOException {
    target.write(out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      for (SentencePair p : pairs) {
        w.write(field(p.source()));
        w.write('\t');
        w.write(field(p.target()));
        w.write('\n');
      }
      w.flush();
    });
  }

  private static String field(String side) {
    if (side.indexOf('\t') >= 0 || side.indexOf('\n') >= 0 || side.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a TSV field cannot hold a tab or line break: '" + side + "'");
    }
    return side;
  }
}

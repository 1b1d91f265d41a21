package dev.attento.seq2seq.text.bpe;

import dev.attento.core.io.AtomicFiles;
import dev.attento.seq2seq.text.TokenizerSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The text file of a {@link BpeTokenizer} (UTF-8, {@code \n} line ends), readable and diffable:
 *
 * <pre>
 * attento-bpe 1
 * tokenizer bpe:8000
 * char ▁
 * char a
 * merge ▁ t
 * merge e r
 * end sha256 3f1c…
 * </pre>
 *
 * One {@code char} line per alphabet character in order, one {@code merge LEFT RIGHT} line per
 * merge in rank order (pieces never hold a space). The last line is the SHA-256 of every byte
 * before it, so a damaged, truncated or edited file is refused as a whole with one clear error
 * instead of half-loaded into a tokenizer that would split text differently.
 */
final class BpeModelFile {

  static final String MAGIC = "attento-bpe";
  static final int VERSION = 1;
  private static final String END = "end sha256 ";

  private BpeModelFile() {}

  /** Writes {@code spec} and {@code model} to {@code file} atomically; never replaces a link or a special file. */
  static void write(Path file, TokenizerSpec spec, BpeModel model) throws IOException {
    if (Files.isSymbolicLink(file) || Files.exists(file) && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": not a regular file; will not replace it with a BPE model");
    }
    StringBuilder body = new StringBuilder();
    body.append(MAGIC).append(' ').append(VERSION).append('\n');
    body.append("tokenizer ").append(spec).append('\n');
    for (String c : model.alphabet()) {
      body.append("char ").append(c).append('\n');
    }
    for (Merge m : model.merges()) {
      body.append("merge ").append(m.left()).append(' ').append(m.right()).append('\n');
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    String end = END + HexFormat.of().formatHex(sha256(bytes)) + "\n";
    AtomicFiles.write(file, out -> {
      out.write(bytes);
      out.write(end.getBytes(StandardCharsets.UTF_8));
    });
  }

  /**
   * Reads a file written by {@link #write}.
   *
   * @throws IllegalArgumentException naming the file if it is not a BPE model, of another
   *     version, truncated, altered or malformed
   */
  static BpeTokenizer read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String first = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1).split("\n", -1)[0];
    if (!first.startsWith(MAGIC + " ")) {
      throw new IllegalArgumentException(file + ": not an Attento BPE model (the first line must be '" + MAGIC + " " + VERSION + "')");
    }
    if (!first.equals(MAGIC + " " + VERSION)) {
      throw new IllegalArgumentException(file + ": BPE model format '" + first.substring(MAGIC.length() + 1)
          + "' is not supported (this version of Attento reads format " + VERSION + ")");
    }
    int endLine = bytes.length < 2 || bytes[bytes.length - 1] != '\n' ? -1 : lastLineStart(bytes);
    String end = endLine < 0 ? "" : new String(bytes, endLine, bytes.length - 1 - endLine, StandardCharsets.ISO_8859_1);
    if (!end.matches(END + "[0-9a-f]{64}")) {
      throw new IllegalArgumentException(file + ": BPE model is truncated or damaged (its last line must be '" + END + "<checksum>')");
    }
    byte[] body = Arrays.copyOf(bytes, endLine);
    if (!HexFormat.of().formatHex(sha256(body)).equals(end.substring(END.length()))) {
      throw new IllegalArgumentException(file + ": BPE model is corrupt: its SHA-256 checksum does not match (the file was damaged or edited)");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": BPE model is not valid UTF-8");
    }
    return parse(file, text.split("\n", -1));
  }

  private static int lastLineStart(byte[] bytes) {
    int i = bytes.length - 2;
    while (i >= 0 && bytes[i] != '\n') {
      i--;
    }
    return i + 1;
  }

  /** The lines of a file whose checksum matched (the last entry is the empty text after the final newline). */
  private static BpeTokenizer parse(Path file, String[] lines) {
    if (lines.length < 3 || !lines[1].startsWith("tokenizer ")) {
      throw malformed(file, 2, "expected 'tokenizer bpe:N'");
    }
    TokenizerSpec spec;
    try {
      spec = TokenizerSpec.parse(lines[1].substring("tokenizer ".length()));
    } catch (IllegalArgumentException e) {
      throw malformed(file, 2, e.getMessage());
    }
    List<String> alphabet = new ArrayList<>();
    List<Merge> merges = new ArrayList<>();
    for (int i = 2; i < lines.length - 1; i++) {
      String[] parts = lines[i].split(" ", -1);
      if (parts.length == 2 && parts[0].equals("char") && merges.isEmpty()) {
        alphabet.add(parts[1]);
      } else if (parts.length == 3 && parts[0].equals("merge")) {
        merges.add(new Merge(parts[1], parts[2]));
      } else {
        throw malformed(file, i + 1, "expected 'char C' (before the merges) or 'merge LEFT RIGHT'");
      }
    }
    try {
      return new BpeTokenizer(spec, new BpeModel(alphabet, merges));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  private static IllegalArgumentException malformed(Path file, int line, String what) {
    return new IllegalArgumentException(file + ":" + line + ": malformed BPE model: " + what);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

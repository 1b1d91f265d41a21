package dev.attento.seq2seq.data.formats;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusBuilder;
import dev.attento.seq2seq.data.CorpusException;
import dev.attento.seq2seq.data.CorpusReader;
import dev.attento.seq2seq.data.LineReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads gettext .po catalogues: each message's {@code msgid} (the source text) and
 * {@code msgstr} (its translation) become a pair; for plural messages the singular,
 * {@code msgid} with {@code msgstr[0]}. {@code msgctxt} only tells identical source texts
 * apart and is dropped.
 *
 * <p>Left out and counted: the header (empty msgid), messages flagged {@code #, fuzzy} (guessed
 * by a tool, not confirmed by a translator; kept with {@link ReadOptions#keepFuzzy}),
 * untranslated messages (empty msgstr) and obsolete ones ({@code #~}). The header's charset
 * applies to every later line and its {@code Language} must match the wanted target language.
 *
 * <p>A malformed message (unknown keyword, unterminated string, bad escape, msgid without
 * msgstr) is a problem with file and line, and reading resumes at the next message.
 */
public final class PoReader {

  /** Messages longer than this many characters are reported, not kept. */
  static final int MAX_MESSAGE_CHARS = 1 << 20;

  private static final Pattern KEYWORD = Pattern.compile("(msgctxt|msgid_plural|msgid|msgstr(?:\\[(\\d{1,6})])?)(?=[\\s\"]|$)");

  private static final Pattern OBSOLETE_MSGID = Pattern.compile("#~\\s*msgid\\s.*");

  private final ReadOptions options;

  /** A reader with {@code options}' strictness, target language and fuzzy handling. */
  public PoReader(ReadOptions options) {
    this.options = options;
  }

  /**
   * Reads the translated messages of a .po file.
   *
   * @throws CorpusException if the file is missing, its header names an unusable charset or
   *     another language, or (in strict mode) at the first malformed message
   */
  public Corpus read(Path file) {
    CorpusBuilder corpus = new CorpusBuilder(file, options.strict());
    try (LineReader lines = new LineReader(file)) {
      new Catalogue(file, lines, corpus).readAll();
    } catch (NoSuchFileException e) {
      throw CorpusReader.noSuchFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return corpus.build();
  }

  /** Which string of the message a continuation line extends. */
  private enum Field { CONTEXT, ID, PLURAL, STR, OTHER_PLURAL_STR }

  /** The message being read. */
  private static final class Message {
    long line;
    boolean fuzzy;
    StringBuilder context;
    StringBuilder id;
    StringBuilder str;
    Field field;
    int chars;

    boolean isEmpty() {
      return context == null && id == null && str == null;
    }
  }

  /** One pass over one file. */
  private final class Catalogue {
    private final Path file;
    private final LineReader lines;
    private final CorpusBuilder corpus;
    private Charset charset = StandardCharsets.UTF_8;
    private Message message = new Message();
    /** After a problem: ignore lines up to the next message. */
    private boolean skipping;

    Catalogue(Path file, LineReader lines, CorpusBuilder corpus) {
      this.file = file;
      this.lines = lines;
      this.corpus = corpus;
    }

    void readAll() throws IOException {
      for (LineReader.Line l; (l = lines.next()) != null; ) {
        if (endsMessage(l)) {
          Charset before = charset;
          finish();
          if (!charset.equals(before)) { // the header declared the charset this line is in
            l = lines.decodeAgain();
          }
        }
        if (l.problem() != null) {
          fail(l.number(), l.problem());
        } else {
          line(l.number(), l.text().strip());
        }
      }
      finish();
    }

    /** A blank line, or after a msgstr anything but more of it, starts the next message. */
    private boolean endsMessage(LineReader.Line l) {
      if (l.problem() != null) {
        return message.str != null;
      }
      String t = l.text().strip();
      return t.isEmpty() || message.str != null && !t.startsWith("\"") && !t.startsWith("msgstr");
    }

    private void line(long number, String t) {
      if (t.isEmpty()) {
        skipping = false;
      } else if (t.startsWith("#")) {
        skipping = false;
        comment(t);
      } else if (!skipping) {
        if (t.startsWith("\"")) {
          append(number, message.field, t);
        } else {
          keyword(number, t);
        }
      } else if (t.startsWith("msgctxt") || t.startsWith("msgid")) {
        skipping = false;
        keyword(number, t);
      }
    }

    private void comment(String t) {
      if (t.startsWith("#~")) { // an obsolete message: its flags were not for the next one
        message.fuzzy = false;
        if (OBSOLETE_MSGID.matcher(t).matches()) {
          corpus.ignore("obsolete");
        }
      } else if (t.startsWith("#,")) {
        for (String flag : t.substring(2).split(",")) {
          message.fuzzy |= flag.strip().equals("fuzzy");
        }
      }
    }

    private void keyword(long number, String t) {
      Matcher m = KEYWORD.matcher(t);
      if (!m.lookingAt()) {
        fail(number, "unknown keyword '" + t.split("[\\s\"]", 2)[0] + "'");
        return;
      }
      String rest = t.substring(m.end());
      switch (m.group(1)) {
        case "msgctxt" -> {
          start(number);
          message.context = new StringBuilder();
          append(number, Field.CONTEXT, rest);
        }
        case "msgid" -> {
          if (message.context == null || message.id != null) {
            start(number);
          }
          message.id = new StringBuilder();
          append(number, Field.ID, rest);
        }
        case "msgid_plural" -> {
          if (message.id == null || message.field != Field.ID) {
            fail(number, "msgid_plural without msgid");
          } else {
            append(number, Field.PLURAL, rest);
          }
        }
        default -> msgstr(number, m.group(2), rest);
      }
    }

    /** {@code msgstr}, or {@code msgstr[n]} with {@code index} n: only the singular is kept. */
    private void msgstr(long number, String index, String rest) {
      if (message.id == null) {
        fail(number, "msgstr without msgid");
      } else if (index == null || Integer.parseInt(index) == 0) {
        if (message.str != null) {
          fail(number, "second msgstr for one msgid");
        } else {
          message.str = new StringBuilder();
          append(number, Field.STR, rest);
        }
      } else {
        append(number, Field.OTHER_PLURAL_STR, rest);
      }
    }

    /** Starts a message at line {@code number}; the one before it lacked its msgstr if it had a msgid. */
    private void start(long number) {
      if (message.id != null || message.context != null) {
        fail(message.line, message.id != null ? "msgid without msgstr" : "msgctxt without msgid");
        skipping = false;
      }
      message.line = number;
    }

    private void append(long number, Field field, String quoted) {
      if (field == null) {
        fail(number, "string without a keyword before it");
        return;
      }
      String value;
      try {
        value = PoStrings.parse(quoted, charset);
      } catch (PoStrings.Malformed e) {
        fail(number, e.getMessage());
        return;
      }
      message.chars += value.length();
      if (message.chars > MAX_MESSAGE_CHARS) {
        fail(message.line, "message longer than " + MAX_MESSAGE_CHARS + " characters");
        return;
      }
      message.field = field;
      switch (field) {
        case CONTEXT -> message.context.append(value);
        case ID -> message.id.append(value);
        case STR -> message.str.append(value);
        default -> { } // the plural forms are not pairs
      }
    }

    private void fail(long number, String reason) {
      corpus.problem(number, reason);
      message = new Message();
      skipping = true;
    }

    private void finish() {
      Message done = message;
      message = new Message();
      if (skipping || done.isEmpty()) {
        return;
      }
      if (done.id == null) {
        corpus.problem(done.line, "msgctxt without msgid");
      } else if (done.str == null) {
        corpus.problem(done.line, "msgid without msgstr");
      } else if (done.id.length() == 0 && done.context == null) {
        header(done);
      } else if (done.fuzzy && !options.keepFuzzy()) {
        corpus.ignore("fuzzy");
      } else if (done.str.length() == 0) {
        corpus.ignore("untranslated");
      } else {
        corpus.addOrIgnore(done.id.toString(), done.str.toString(), "blank text");
      }
    }

    private void header(Message m) {
      try {
        CatalogueHeader header = CatalogueHeader.parse(m.str.toString());
        header.requireLanguage(options.targetLanguage());
        charset = header.charset();
        lines.charset(charset);
      } catch (IllegalArgumentException e) {
        throw new CorpusException(file + ":" + m.line + ": " + e.getMessage());
      }
    }
  }
}

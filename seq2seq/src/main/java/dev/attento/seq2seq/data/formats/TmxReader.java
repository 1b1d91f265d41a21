package dev.attento.seq2seq.data.formats;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusBuilder;
import dev.attento.seq2seq.data.CorpusException;
import dev.attento.seq2seq.data.CorpusReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads TMX translation memories (version 1.4, and 1.1's {@code lang} attribute) with the
 * JDK's StAX parser, streaming: a memory of millions of units needs memory for one unit.
 *
 * <p>Each {@code <tu>} gives at most one pair: the first {@code <tuv>} in the source language
 * and the first in the target language, matched by {@link LanguageTags} ({@code en} takes
 * {@code en-US}). A unit without one of them is ignored and counted. Inside a segment, the
 * contents of {@code <bpt>}, {@code <ept>}, {@code <ph>}, {@code <it>} and {@code <ut>} are
 * native formatting codes (an RTF or HTML tag), not text, and are dropped; the text of
 * {@code <hi>} and of {@code <sub>} (a sub-flow such as an {@code alt} text inside a code) is
 * kept.
 *
 * <p>Translation memories come from anywhere, so DTDs and external entities are disabled: a
 * file that declares entities to read local files (XXE) or to expand exponentially fails on
 * the undeclared entity instead. Malformed XML is an error naming file, line and column.
 */
public final class TmxReader {

  /** Segments longer than this many characters are reported, not kept. */
  static final int MAX_SEGMENT_CHARS = 1 << 20;

  /** Without chosen languages, this many units are surveyed to list the file's languages. */
  private static final int SURVEY_UNITS = 1000;

  /** Languages listed at most in that error. */
  private static final int MAX_LANGUAGES_LISTED = 100;

  private static final Set<String> NATIVE_CODES = Set.of("bpt", "ept", "ph", "it", "ut");

  private final ReadOptions options;

  /** A reader that pairs {@code options}' source and target languages. */
  public TmxReader(ReadOptions options) {
    this.options = options;
  }

  /**
   * Reads the pairs of a TMX file.
   *
   * @throws CorpusException if the file is missing, not well-formed XML, not TMX, or no
   *     languages were chosen (the message lists the file's languages)
   */
  public Corpus read(Path file) {
    CorpusBuilder corpus = new CorpusBuilder(file, options.strict());
    try (XmlInput input = XmlInput.open(file)) {
      XMLStreamReader xml = null;
      try {
        xml = open(input);
        new Units(file, xml, corpus).readAll();
      } catch (XMLStreamException e) {
        throw malformed(file, e, input);
      } finally {
        if (xml != null) {
          xml.close();
        }
      }
    } catch (NoSuchFileException e) {
      throw CorpusReader.noSuchFile(file);
    } catch (IOException | XMLStreamException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
    }
    return corpus.build();
  }

  /** The JDK's own StAX parser (not whichever is on the class path), without DTDs or external entities. */
  private static XMLStreamReader open(XmlInput input) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try {
      return f.createXMLStreamReader(input); // reads the prolog
    } catch (RuntimeException e) {
      throw parserFailure(e, null);
    }
  }

  /**
   * The JDK parser's own runtime failures, such as the MissingResourceException it throws for
   * a NUL in a DTD, as the parse errors they stand for.
   */
  private static XMLStreamException parserFailure(RuntimeException e, Location at) {
    return new XMLStreamException("the XML parser failed (" + e.getClass().getSimpleName() + ")", at, e);
  }

  private static CorpusException malformed(Path file, XMLStreamException e, XmlInput input) {
    if (e.getCause() instanceof CharacterCodingException || e.getNestedException() instanceof CharacterCodingException) {
      // raised by our decoder, which knows where it stopped
      return new CorpusException(file + ":" + input.line() + ":" + input.column() + ": malformed XML: invalid "
          + input.charset().name());
    }
    String message = String.valueOf(e.getMessage());
    int cut = message.indexOf("Message: "); // the JDK prefixes "ParseError at [row,col]:[r,c]"
    message = (cut >= 0 ? message.substring(cut + "Message: ".length()) : message).strip();
    Location at = e.getLocation();
    String where = at == null || at.getLineNumber() < 0 ? ": " : ":" + at.getLineNumber() + ":" + at.getColumnNumber() + ": ";
    return new CorpusException(file + where + "malformed XML: " + message);
  }

  /** One pass over the units of one file. */
  private final class Units {
    private final Path file;
    private final XMLStreamReader xml;
    private final CorpusBuilder corpus;
    private final Set<String> languages = new TreeSet<>();
    private String source = options.sourceLanguage();
    private final String target = options.targetLanguage();
    private long unitsSeen;
    private Unit unit;
    private Segment segment;

    Units(Path file, XMLStreamReader xml, CorpusBuilder corpus) {
      this.file = file;
      this.xml = xml;
      this.corpus = corpus;
    }

    void readAll() throws XMLStreamException {
      requireTmxRoot();
      while (xml.hasNext() && !(surveying() && unitsSeen >= SURVEY_UNITS)) {
        switch (next()) {
          case XMLStreamConstants.START_ELEMENT -> start(xml.getLocalName());
          case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            if (segment != null) {
              segment.text(xml.getText());
            }
          }
          default -> { }
        }
      }
      if (surveying()) {
        throw new CorpusException(file + ": choose the " + (source == null ? "source and target languages" : "target language")
            + " to pair (--source-lang/--target-lang, or data.sourceLanguage/data.targetLanguage); the file has "
            + (languages.isEmpty() ? "no languages" : String.join(", ", languages)));
      }
    }

    private int next() throws XMLStreamException {
      try {
        return xml.next();
      } catch (RuntimeException e) {
        throw parserFailure(e, xml.getLocation());
      }
    }

    private boolean surveying() {
      return source == null || target == null;
    }

    private void requireTmxRoot() throws XMLStreamException {
      while (xml.hasNext() && next() != XMLStreamConstants.START_ELEMENT) {
        // prolog: declaration, comments, a DOCTYPE that is not processed
      }
      if (!xml.isStartElement() || !xml.getLocalName().equals("tmx")) {
        String root = xml.isStartElement() ? "<" + xml.getLocalName() + ">" : "none";
        throw new CorpusException(file + ":" + xml.getLocation().getLineNumber() + ": not a TMX file: the root element is "
            + root + ", not <tmx>");
      }
    }

    private void start(String name) {
      if (segment != null) {
        segment.open(name);
      } else if (name.equals("header") && source == null) {
        String srclang = xml.getAttributeValue(null, "srclang");
        source = srclang == null || srclang.isBlank() || srclang.equals("*all*") ? null : srclang;
      } else if (name.equals("tu")) {
        unit = new Unit(xml.getLocation().getLineNumber());
        unitsSeen++;
      } else if (name.equals("tuv") && unit != null) {
        unit.language = language();
        if (unit.language == null) {
          corpus.problem(xml.getLocation().getLineNumber(), "<tuv> without xml:lang");
        } else if (languages.size() < MAX_LANGUAGES_LISTED) {
          languages.add(unit.language);
        }
      } else if (name.equals("seg") && unit != null && unit.language != null) {
        segment = new Segment();
      }
    }

    private void end(String name) {
      if (segment != null) {
        if (segment.close()) {
          unit.put(segment);
          segment = null;
        }
      } else if (name.equals("tuv") && unit != null) {
        unit.language = null;
      } else if (name.equals("tu") && unit != null) {
        if (!surveying()) {
          finish(unit);
        }
        unit = null;
      }
    }

    /** {@code xml:lang} (TMX 1.4) or {@code lang} (TMX 1.1). */
    private String language() {
      for (int i = 0; i < xml.getAttributeCount(); i++) {
        String prefix = xml.getAttributePrefix(i);
        if (xml.getAttributeLocalName(i).equals("lang") && (prefix == null || prefix.isEmpty() || prefix.equals("xml"))) {
          String value = xml.getAttributeValue(i).strip();
          return value.isEmpty() ? null : value;
        }
      }
      return null;
    }

    private void finish(Unit u) {
      if (u.tooLong) {
        corpus.problem(u.line, "segment longer than " + MAX_SEGMENT_CHARS + " characters");
      } else if (u.sourceText == null || u.targetText == null) {
        corpus.ignore("no " + (u.sourceText == null ? source : target) + " segment");
      } else {
        corpus.addOrIgnore(u.sourceText, u.targetText, "empty segment");
      }
    }

    /** The unit being read: its line and the texts of its source and target segments. */
    private final class Unit {
      final long line;
      String language;
      String sourceText;
      String targetText;
      boolean tooLong;

      Unit(long line) {
        this.line = line;
      }

      void put(Segment s) {
        tooLong |= s.tooLong;
        if (surveying()) {
          return;
        }
        boolean isSource = LanguageTags.matches(source, language);
        boolean isTarget = LanguageTags.matches(target, language);
        if (isSource && isTarget) { // "en" and "en-GB" both match en-GB: the more specific wins
          isSource = LanguageTags.normalize(source).length() >= LanguageTags.normalize(target).length();
          isTarget = !isSource;
        }
        if (isSource && sourceText == null) {
          sourceText = s.text.toString();
        } else if (isTarget && targetText == null) {
          targetText = s.text.toString();
        }
      }
    }
  }

  /** The text of one {@code <seg>}, skipping native codes. */
  private static final class Segment {
    final StringBuilder text = new StringBuilder();
    /** For each element open inside the segment: whether its text is kept. */
    private final Deque<Boolean> keep = new ArrayDeque<>();
    boolean tooLong;

    void open(String name) {
      keep.push(name.equals("sub") || !NATIVE_CODES.contains(name) && keeping());
    }

    /** Closes an element; true if it was the {@code <seg>} itself. */
    boolean close() {
      if (keep.isEmpty()) {
        return true;
      }
      keep.pop();
      return false;
    }

    void text(String s) {
      if (!keeping()) {
        return;
      }
      if (text.length() + s.length() > MAX_SEGMENT_CHARS) {
        tooLong = true;
      } else {
        text.append(s);
      }
    }

    private boolean keeping() {
      return keep.isEmpty() || keep.peek();
    }
  }
}

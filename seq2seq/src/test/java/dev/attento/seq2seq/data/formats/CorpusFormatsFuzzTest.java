package dev.attento.seq2seq.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusException;
import dev.attento.seq2seq.data.CorpusProblem;
import dev.attento.seq2seq.data.CorpusReader;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.testkit.Hostile;
import dev.attento.testkit.Mutations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile corpora in every format: random bytes and damaged valid files give either a
 * corpus whose pairs are all usable or a {@link CorpusException} naming the file, in bounded
 * time and memory; no other exception escapes.
 */
class CorpusFormatsFuzzTest {

  private static final ReadOptions OPTIONS = new ReadOptions(false, "en", "it", false);

  private static byte[] fixture(String name) {
    try {
      return Files.readAllBytes(Fixtures.path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final byte[] TSV = "one\tuno\ntwo\tdue\textra\r\n\n\uFEFFthree\ttre\n".getBytes(StandardCharsets.UTF_8);

  private static final String[] TEXT_TOKENS = {"\t", "\n", "\r\n", "\r", "\u0000", "\uFEFF", "\u00e9", "\\"};

  private static final String[] PO_TOKENS = {"\"", "\\", "\\x", "\\777", "\\", "\n", "msgid ", "msgstr ", "msgstr[0] ",
      "msgstr[99999999999] ", "msgid_plural ", "msgctxt ", "#, fuzzy\n", "#~ ", "\n\n", "charset=UTF-16", "charset=",
      "Language: de\\n", "\u00e9"};

  private static final String[] TMX_TOKENS = {"<", ">", "</seg>", "<seg>", "<tu>", "</tu>", "<tuv xml:lang=\"it\">",
      "</tuv>", "<bpt>", "</bpt>", "<sub>", "&", "&amp;", "&#0;", "&#x10FFFF;", "<![CDATA[", "]]>", "<!DOCTYPE x [",
      "<!ENTITY e \"ee\">", "&e;", "xml:lang=\"\"", "encoding=\"UTF-16\"", "<?xml version=\"1.0\"?>"};

  private static void check(byte[] content, Hostile.FileParser<Corpus> reader) {
    Hostile.Outcome<Corpus> r = Hostile.parseFile(content, ".corpus", CorpusException.class, reader);
    if (r.value() != null) {
      for (SentencePair p : r.value().pairs()) {
        for (String side : new String[] {p.source(), p.target()}) {
          assertFalse(side.isEmpty() || side.contains("\t") || side.contains("\n") || side.contains("\r")
              || !side.equals(side.strip()), "unusable side '" + side + "'");
        }
      }
      for (CorpusProblem p : r.value().problems()) {
        assertTrue(p.line() >= 0 && !p.reason().isBlank(), p.toString());
      }
    } else {
      assertTrue(r.error().getMessage().startsWith(System.getProperty("java.io.tmpdir")), r.error().getMessage());
    }
  }

  @Provide
  Arbitrary<byte[]> random() {
    return Mutations.randomBytes(600);
  }

  @Property(tries = 150)
  void randomBytesInAnyFormat(@ForAll("random") byte[] content) {
    check(content, f -> CorpusFormat.readDetected(f, OPTIONS));
    for (CorpusFormat format : new CorpusFormat[] {CorpusFormat.TSV, CorpusFormat.TMX, CorpusFormat.PO, CorpusFormat.MO}) {
      check(content, f -> format.read(f, OPTIONS));
    }
    check(content, f -> new CorpusReader(false).readAligned(f, f));
  }

  @Provide
  Arbitrary<byte[]> tsv() {
    return Mutations.of(TSV, TEXT_TOKENS);
  }

  @Property(tries = 200)
  void damagedTsv(@ForAll("tsv") byte[] content) {
    check(content, f -> CorpusFormat.TSV.read(f, OPTIONS));
  }

  @Property(tries = 200)
  void damagedAlignedFiles(@ForAll("tsv") byte[] source, @ForAll("tsv") byte[] target) throws IOException {
    Path other = Files.write(Files.createTempFile("aligned-", ".it"), target);
    try {
      check(source, f -> new CorpusReader(false).readAligned(f, other));
    } finally {
      Files.delete(other);
    }
  }

  @Provide
  Arbitrary<byte[]> tmx() {
    return Mutations.of(fixture("sample.tmx"), TMX_TOKENS);
  }

  @Property(tries = 400)
  void damagedTmx(@ForAll("tmx") byte[] content) {
    check(content, f -> CorpusFormat.TMX.read(f, OPTIONS));
  }

  @Provide
  Arbitrary<byte[]> po() {
    return Mutations.of(fixture("sample.po"), PO_TOKENS);
  }

  @Property(tries = 300)
  void damagedPo(@ForAll("po") byte[] content) {
    check(content, f -> CorpusFormat.PO.read(f, OPTIONS));
    check(content, f -> CorpusFormat.PO.read(f, new ReadOptions(true, null, null, true)));
  }

  @Provide
  Arbitrary<byte[]> mo() {
    return net.jqwik.api.Arbitraries.oneOf(Mutations.of(fixture("sample-le.mo")), Mutations.of(fixture("sample-be.mo")));
  }

  @Property(tries = 400)
  void damagedMo(@ForAll("mo") byte[] content) {
    check(content, f -> CorpusFormat.MO.read(f, OPTIONS));
  }

  @Property(tries = 1)
  void theSeedsAreValid() {
    assertEquals(6, CorpusFormat.TMX.read(Fixtures.path("sample.tmx"), OPTIONS).pairs().size());
    assertEquals(11, CorpusFormat.PO.read(Fixtures.path("sample.po"), OPTIONS).pairs().size());
    assertEquals(11, CorpusFormat.MO.read(Fixtures.path("sample-be.mo"), OPTIONS).pairs().size());
  }
}

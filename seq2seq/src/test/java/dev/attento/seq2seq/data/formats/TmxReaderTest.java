package dev.attento.seq2seq.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusException;
import dev.attento.seq2seq.data.SentencePair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TmxReaderTest {

  @TempDir
  Path dir;

  private static Corpus read(Path file, String source, String target) {
    return new TmxReader(new ReadOptions(false, source, target, false)).read(file);
  }

  private Path tmx(String body) throws Exception {
    return Files.writeString(dir.resolve("t.tmx"), "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n"
        + body + "\n</body></tmx>\n");
  }

  @Test
  void readsUnitsDroppingNativeCodesAndKeepingHighlightedText() {
    Corpus c = read(Fixtures.path("sample.tmx"), "en-US", "it");
    assertEquals(List.of(
        new SentencePair("Good morning!", "Buongiorno!"),
        new SentencePair("Click Save to keep your work.", "Fai clic su Salva per conservare il lavoro."),
        new SentencePair("See the picture a red car above.", "Vedi l'immagine un'auto rossa sopra."),
        new SentencePair("A TMX 1.1 unit & an entity", "Un'unità TMX 1.1 & un'entità"),
        new SentencePair("Text in <CDATA> across two lines", "Testo in <CDATA> su due righe"),
        new SentencePair("Color", "Colore")), c.pairs());
    assertEquals(Map.of("no it segment", 1L, "empty segment", 1L), c.ignored());
    assertTrue(c.problems().isEmpty());
  }

  @Test
  void languagesMatchInAnyCaseAndByPrimarySubtag() {
    List<SentencePair> byPrimary = read(Fixtures.path("sample.tmx"), "EN", "IT").pairs();
    assertEquals(new SentencePair("Colour", "Colore"), byPrimary.get(byPrimary.size() - 1), "the first en-* variant");
    List<SentencePair> underscore = read(Fixtures.path("sample.tmx"), "en_us", "it_IT").pairs();
    assertEquals(new SentencePair("Color", "Colore"), underscore.get(underscore.size() - 1));
    assertEquals(6, read(Fixtures.path("sample.tmx"), null, "it").pairs().size(), "the header's srclang by default");
    Corpus reversed = read(Fixtures.path("sample.tmx"), "it", "en-US");
    assertEquals(new SentencePair("Buongiorno!", "Good morning!"), reversed.pairs().get(0));
    assertEquals(Map.of("no it segment", 1L, "empty segment", 1L), reversed.ignored());
  }

  @Test
  void withoutATargetLanguageTheErrorListsTheFilesLanguages() {
    CorpusException e = assertThrows(CorpusException.class, () -> read(Fixtures.path("sample.tmx"), null, null));
    assertTrue(e.getMessage().contains("choose the target language"), e.getMessage());
    assertTrue(e.getMessage().endsWith("the file has EN-us, de-DE, en-GB, en-US, it-IT, it-it"), e.getMessage());
  }

  @Test
  void externalEntitiesAreNotRead() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>&xxe;</seg></tuv>"
        + "<tuv xml:lang=\"it\"><seg>x</seg></tuv></tu></body></tmx>";
    Path f = Files.writeString(dir.resolve("xxe.tmx"), xxe);
    CorpusException e = assertThrows(CorpusException.class, () -> read(f, "en", "it"));
    assertTrue(e.getMessage().startsWith(f + ":3:"), e.getMessage());
    assertTrue(e.getMessage().contains("xxe"), e.getMessage());
    assertFalse(e.getMessage().contains("TOP-SECRET"));
    String parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>\n"
        + "<tmx version=\"1.4\"><body/></tmx>";
    Path g = Files.writeString(dir.resolve("pe.tmx"), parameterEntity);
    Corpus c = read(g, "en", "it"); // the DTD is not processed at all: nothing is read, nothing fails
    assertTrue(c.pairs().isEmpty());
  }

  @Test
  void entityExpansionBombsFailFast() throws Exception {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE tmx [<!ENTITY a0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    Path f = Files.writeString(dir.resolve("bomb.tmx"), "<?xml version=\"1.0\"?>" + dtd + "]><tmx version=\"1.4\"><body>"
        + "<tu><tuv xml:lang=\"en\"><seg>&a9;</seg></tuv><tuv xml:lang=\"it\"><seg>x</seg></tuv></tu></body></tmx>");
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(CorpusException.class, () -> read(f, "en", "it")));
  }

  @Test
  void malformedXmlNamesFileLineAndColumn() throws Exception {
    Path f = tmx("<tu><tuv xml:lang=\"en\"><seg>one</seg></tuv><tuv xml:lang=\"it\"><seg>uno</tuv></tu>");
    CorpusException e = assertThrows(CorpusException.class, () -> read(f, "en", "it"));
    assertTrue(e.getMessage().matches("\\Q" + f + "\\E:3:\\d+: malformed XML: .*seg.*"), e.getMessage());
    Path notTmx = Files.writeString(dir.resolve("x.tmx"), "<?xml version=\"1.0\"?>\n\n<xliff version=\"1.2\"/>");
    CorpusException root = assertThrows(CorpusException.class, () -> read(notTmx, "en", "it"));
    assertEquals(notTmx + ":3: not a TMX file: the root element is <xliff>, not <tmx>", root.getMessage());
  }

  @Test
  void theXmlParsersOwnFailuresAreMalformedXml() throws Exception {
    // found by the fuzzer: the JDK's parser throws MissingResourceException for a NUL in a DTD
    Path f = Files.writeString(dir.resolve("nul.tmx"), "<!DOCTYPE x [\u0000]><tmx/>");
    CorpusException e = assertThrows(CorpusException.class, () -> read(f, "en", "it"));
    assertEquals(f + ":1:14: malformed XML: the XML parser failed (MissingResourceException)", e.getMessage());
  }

  @Test
  void unitsWithoutALanguageOrWithAnOverlongSegmentAreProblems() throws Exception {
    String big = "x".repeat(TmxReader.MAX_SEGMENT_CHARS + 1);
    Path f = tmx("<tu><tuv><seg>no language</seg></tuv><tuv xml:lang=\"it\"><seg>x</seg></tuv></tu>\n"
        + "<tu><tuv xml:lang=\"en\"><seg>" + big + "</seg></tuv><tuv xml:lang=\"it\"><seg>x</seg></tuv></tu>\n"
        + "<tu><tuv xml:lang=\"en\"><seg>fine</seg></tuv><tuv xml:lang=\"it\"><seg>bene</seg></tuv></tu>");
    Corpus c = read(f, "en", "it");
    assertEquals(List.of(new SentencePair("fine", "bene")), c.pairs());
    assertEquals(List.of(f + ":3: <tuv> without xml:lang", f + ":4: segment longer than 1048576 characters"),
        c.problems().stream().map(Object::toString).toList());
    assertEquals(Map.of("no en segment", 1L), c.ignored());
  }

  @Test
  void readsUtf16Files() throws Exception {
    String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><tmx version=\"1.4\"><header/><body><tu>"
        + "<tuv xml:lang=\"en\"><seg>Bye</seg></tuv><tuv xml:lang=\"it\"><seg>Ciao</seg></tuv></tu></body></tmx>";
    Path f = Files.write(dir.resolve("u16.tmx"), xml.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(CorpusFormat.TMX, CorpusFormat.detect(f));
    assertEquals(List.of(new SentencePair("Bye", "Ciao")), read(f, "en", "it").pairs());
  }
}

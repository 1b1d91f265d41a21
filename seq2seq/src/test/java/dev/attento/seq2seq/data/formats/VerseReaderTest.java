package dev.attento.seq2seq.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusException;
import dev.attento.seq2seq.data.SentencePair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerseReaderTest {

  @TempDir
  Path dir;

  @Test
  void versesArePairedByReferenceWithoutHeadingsOrMarkup() {
    Corpus c = CorpusFormat.VERSES.readPair(Fixtures.path("verses-kjv.txt"), Fixtures.path("verses-rv1909.txt"),
        ReadOptions.lenient());
    assertEquals(List.of(
        new SentencePair("In the beginning God created the heaven and the earth.",
            "EN el principio crió Dios los cielos y la tierra."),
        new SentencePair("And the earth was without form, and void; and darkness was upon the face of the deep. "
            + "And the Spirit of God moved upon the face of the waters.",
            "Y la tierra estaba desordenada y vacía, y las tinieblas estaban sobre la haz del abismo, y el Espíritu "
                + "de Dios se movía sobre la haz de las aguas."),
        new SentencePair("And God said, Let there be light: and there was light.", "Y dijo Dios: Sea la luz: y fué la luz."),
        new SentencePair("The LORD is my shepherd; I shall not want.",
            "Salmo de David. JEHOVÁ es mi pastor; nada me faltará."),
        new SentencePair("He maketh me to lie down in green pastures: he leadeth me beside the still waters.",
            "En lugares de delicados pastos me hará yacer: junto á aguas de reposo me pastoreará."),
        new SentencePair("Jesus wept.", "Y lloró Jesús."),
        new SentencePair("The grace of our Lord Jesus Christ be with you all. Amen.",
            "La gracia de nuestro Señor Jesucristo sea con todos vosotros. Amén.")), c.pairs());
    assertEquals(Map.of(VerseReader.OTHER_LINE, 5L, VerseReader.EMPTY_VERSE, 1L, VerseReader.NOT_IN_TARGET, 1L,
        VerseReader.NOT_IN_SOURCE, 1L), c.ignored(), "3 psalm titles and the two module names; I Samuel 3:10 empty");
    assertEquals(List.of(), c.problems());
    assertEquals(5, c.blankLines());
  }

  @Test
  void theVersePatternTakesTheFirstReferenceAndBooksWithSpaces() {
    assertEquals("Song of Solomon 2:1", match("  Song of Solomon 2:1: I am the rose of Sharon 3:4: no"));
    assertEquals("III John 1:2", match("III John 1:2: Beloved"));
    assertEquals("Job 38:39", match("Job 38:39:"));
    assertEquals(null, match("A Psalm of David."));
    assertEquals(null, match("To the chief Musician upon Neginoth, A Psalm of David."));
    assertEquals("And he said", VerseReader.text("¶ And he said"));
    assertEquals("comerás;", VerseReader.text("comerás <H0398>;"));
  }

  @Test
  void aRepeatedReferenceIsAProblemAndFatalWhenStrict() throws Exception {
    Path en = Files.writeString(dir.resolve("en"), "John 1:1: In the beginning was the Word\nJohn 1:1: again\n");
    Path es = Files.writeString(dir.resolve("es"), "John 1:1: En el principio era el Verbo\n");
    Corpus c = new VerseReader(false).read(en, es);
    assertEquals(List.of(new SentencePair("In the beginning was the Word", "En el principio era el Verbo")), c.pairs());
    assertEquals(en + ":2: repeated reference John 1:1", c.problems().get(0).toString());
    CorpusException e = assertThrows(CorpusException.class, () -> new VerseReader(true).read(en, es));
    assertEquals(en + ":2: repeated reference John 1:1", e.getMessage());
    CorpusException missing = assertThrows(CorpusException.class, () -> new VerseReader(false).read(en, dir.resolve("no")));
    assertEquals(dir.resolve("no") + ": no such file", missing.getMessage());
  }

  private static String match(String line) {
    java.util.regex.Matcher m = VerseReader.VERSE.matcher(line);
    return m.matches() ? m.group(1) : null;
  }
}

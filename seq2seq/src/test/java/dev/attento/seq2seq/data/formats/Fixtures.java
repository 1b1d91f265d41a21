package dev.attento.seq2seq.data.formats;

import dev.attento.seq2seq.data.SentencePair;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The committed fixtures in {@code src/test/resources/formats} and what they hold. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/formats/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The pairs of sample.po (and the .mo files compiled from it), fuzzy messages left out, in file order. */
  static final List<SentencePair> PO_PAIRS = List.of(
      new SentencePair("_File", "_File"),
      new SentencePair("~Open...", "~Apri..."),
      new SentencePair("&Save && Close", "&Salva && chiudi"),
      new SentencePair("Close", "Chiudi"),
      new SentencePair("Close", "Chiusura"),
      new SentencePair("One file was deleted.", "Un file è stato eliminato."),
      new SentencePair("A long message that the catalogue splits over several lines.",
          "Un messaggio lungo che il catalogo divide su più righe."),
      new SentencePair("Tab: here, quote: \"x\", backslash: \\, newline: end",
          "Tab: qui, virgolette: \"x\", barra: \\, a capo: fine"),
      new SentencePair("Octal é and hex è", "Ottale é ed esadecimale è"),
      new SentencePair("%s", "%s"),
      new SentencePair("$(ARG1)", "$(ARG1)"));
}

package dev.attento.seq2seq.data.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceleratorsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "~Open...|Open...",
      "_File|File",
      "Op&en|Open",
      "&Save && Close|Save & Close",
      "Save __As|Save _As",
      "ファイル(&F)|ファイル",
      "保存 (_S)|保存",
      "Fish &amp; Chips &#38; &#x26;|Fish &amp; Chips &#38; &#x26;",
      "file_name_here|file_name_here",
      "R&D and &More|R&D and &More",
      "50 % & more|50 % & more",
      "~|~",
      "plain text|plain text",
      "Automatic _underline_|Automatic _underline_",
      "_Sottolineato_ automatico|_Sottolineato_ automatico",
  })
  void stripsSingleMarkersAndKeepsLiteralsAndEntities(String in, String out) {
    assertEquals(out, Accelerators.strip(in));
  }

  @Test
  void onlyTheMarkersTranslatorsKeepCountAsMarkers() {
    // LibreOffice: ~ and _ are accelerators (kept by the translator), & is plain text
    List<String[]> pairs = List.of(
        new String[] {"~Save", "~Registra"}, new String[] {"Pa~ges:", "Pa~gine:"}, new String[] {"~Close", "Chiudi"},
        new String[] {"_Cancel", "Ann_ulla"}, new String[] {"Date&Time", "Data e ora"},
        new String[] {"major&minor", "principale e secondaria"}, new String[] {"plain", "semplice"});
    List<Accelerators.Usage> usage = Accelerators.usage(pairs);
    assertEquals(List.of(new Accelerators.Usage('~', 3, 2), new Accelerators.Usage('_', 1, 1),
        new Accelerators.Usage('&', 2, 0)), usage);
    assertEquals("~_", Accelerators.usedMarkers(usage));
    assertEquals("Date&Time", Accelerators.strip("Date&Time", "~_"));
    assertEquals("Save", Accelerators.strip("~Save", "~_"));
    assertEquals("", Accelerators.usedMarkers(Accelerators.usage(List.of())));
  }
}

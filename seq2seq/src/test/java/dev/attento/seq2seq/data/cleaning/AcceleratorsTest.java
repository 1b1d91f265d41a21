package dev.attento.seq2seq.data.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  })
  void stripsSingleMarkersAndKeepsLiteralsAndEntities(String in, String out) {
    assertEquals(out, Accelerators.strip(in));
  }
}

package dev.attento.seq2seq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** User text in one-line messages: escaped so it cannot break or disguise the line, and cut when long. */
class PrintableTest {

  @Test
  void controlFormatAndSeparatorCharactersAreEscaped() {
    assertEquals("a\\nb\\r\\tc\\u0000\\u001b[31m\\u202etxt.exe\\u2028\\\\", Printable.escape(
        "a\nb\r\tc\u0000\u001B[31m\u202Etxt.exe\u2028\\"));
    assertEquals("\"say \\\"hi\\\"\"", Printable.quote("say \"hi\""));
    assertEquals("città 数字 😀", Printable.escape("città 数字 😀"), "printable text stays as it is");
  }

  @Test
  void longValuesAreCutAndNodesShownAsWritten() {
    assertEquals("x".repeat(Printable.MAX_SHOWN) + "…", Printable.escape("x".repeat(1000)));
    JsonNodeFactory f = JsonNodeFactory.instance;
    assertEquals("\"lstm\"", Printable.of(f.textNode("lstm")));
    assertEquals("3", Printable.of(f.numberNode(3)));
    assertEquals("null", Printable.of(f.nullNode()));
    assertEquals("{\"a\":[1]}", Printable.of(f.objectNode().set("a", f.arrayNode().add(1))));
  }
}

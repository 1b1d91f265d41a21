package dev.attento.seq2seq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.attento.core.text.TerminalText;
import org.junit.jupiter.api.Test;

/**
 * User text in one-line config messages: escaped by core's {@code TerminalText} (tested there
 * character by character), cut when long and quoted, which is this class's own part.
 */
class PrintableTest {

  @Test
  void escapingIsTerminalTexts() {
    String hostile = "a\nb\r\tc\u0000\u001B[31m\u202Etxt.exe\u2028\u200b\\";
    assertEquals("a\\nb\\r\\tc\\u0000\\u001b[31m\\u202etxt.exe\\u2028\\u200b\\", Printable.escape(hostile),
        "a backslash is left alone, as everywhere: the command line escapes the whole message again");
    assertEquals(TerminalText.escape(hostile), Printable.escape(hostile));
    assertEquals("\"say \\\"hi\\\"\"", Printable.quote("say \"hi\""));
    assertEquals("città 数字 😀", Printable.escape("città 数字 😀"), "printable text stays as it is");
  }

  @Test
  void longValuesAreCutAndNodesShownAsWritten() {
    assertEquals("x".repeat(Printable.MAX_SHOWN) + "…", Printable.escape("x".repeat(1000)));
    assertEquals("😀".repeat(Printable.MAX_SHOWN) + "…", Printable.escape("😀".repeat(81)), "cut by code points");
    assertEquals("\\n".repeat(Printable.MAX_SHOWN) + "…", Printable.escape("\n".repeat(100)), "cut before escaping");
    JsonNodeFactory f = JsonNodeFactory.instance;
    assertEquals("\"lstm\"", Printable.of(f.textNode("lstm")));
    assertEquals("3", Printable.of(f.numberNode(3)));
    assertEquals("null", Printable.of(f.nullNode()));
    assertEquals("{\"a\":[1]}", Printable.of(f.objectNode().set("a", f.arrayNode().add(1))));
  }
}

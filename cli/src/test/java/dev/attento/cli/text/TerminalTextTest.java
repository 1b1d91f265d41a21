package dev.attento.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void anOscTitleSequenceIsShownNotObeyed() {
    assertEquals("unknown keyword '\\u001b]0;PWNED\\u0007'", TerminalText.escape("unknown keyword '\033]0;PWNED\007'"));
  }

  @Test
  void lineBreaksTabsDelAndC1ControlsAreEscaped() {
    assertEquals("a\\nb\\rc\\td", TerminalText.escape("a\nb\rc\td"));
    assertEquals("\\u0000\\u007f\\u009b2J\\u0085", TerminalText.escape("\0\u007f\u009b2J\u0085"));
  }

  @Test
  void bidiControlsAndLineSeparatorsAreEscaped() {
    assertEquals("x\\u202etxt.exe\\u2066\\u2028", TerminalText.escape("x\u202etxt.exe\u2066\u2028"));
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    String text = "caffè 日本語 😀 C:\\path 'quoted' <unk>";
    assertSame(text, TerminalText.escape(text));
    assertNull(TerminalText.escape(null));
  }

  @Test
  void escapeLinesKeepsTheLineBreaksBetweenLines() {
    String sep = System.lineSeparator();
    assertEquals("first \\u001b[2J" + sep + "\tat x" + sep, TerminalText.escapeLines("first \033[2J\n\tat x\n"));
  }
}

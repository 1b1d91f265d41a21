package dev.attento.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What the one escaper of user text changes, and what it leaves alone. */
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
    assertEquals("x\\u202etxt.exe\\u2066\\u2028\\u2029\\u061c\\u200e", TerminalText.escape("x\u202etxt.exe\u2066\u2028\u2029\u061c\u200e"));
  }

  @Test
  void invisibleFormatCharactersUnpairedSurrogatesAndUnassignedCodePointsAreEscaped() {
    assertEquals("hid\\u200bden", TerminalText.escape("hid\u200bden"), "a zero-width space would make two keys look alike");
    assertEquals("\\ufeffkey", TerminalText.escape("\ufeffkey"));
    assertEquals("a\\ud800b", TerminalText.escape("a\ud800b"), "printed raw, an unpaired surrogate becomes '?'");
    assertEquals("\\udb40\\udc01", TerminalText.escape(new String(Character.toChars(0xE0001))), "above U+FFFF: two halves");
    assertEquals("\\u0378", TerminalText.escape("\u0378"), "unassigned");
  }

  @Test
  void ordinaryTextAndBackslashesAreLeftAlone() {
    String text = "caffè 日本語 😀 👍🏽 👨\u200d👩 می\u200cخواهم C:\\path 'quoted' \"q\" <unk>";
    assertSame(text, TerminalText.escape(text));
    assertNull(TerminalText.escape(null));
  }

  @Test
  void escapingTwiceChangesNothingMore() {
    String hostile = "\033]0;PWNED\007 x\u202e\n\t\\u001b \ud800";
    String once = TerminalText.escape(hostile);
    assertEquals(once, TerminalText.escape(once), "a message built from escaped parts is not escaped again");
  }

  @Test
  void escapeLinesKeepsTheLineBreaksBetweenLines() {
    String sep = System.lineSeparator();
    assertEquals("first \\u001b[2J" + sep + "\tat x" + sep, TerminalText.escapeLines("first \033[2J\n\tat x\n"));
  }
}

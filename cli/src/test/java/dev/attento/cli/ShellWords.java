package dev.attento.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a documented shell command line into the words of each simple command, as a POSIX
 * shell would for the cases the docs use: quotes, backslashes, comments, and {@code |},
 * {@code &&}, {@code ;} between commands; a redirection and its target are dropped.
 */
final class ShellWords {

  private ShellWords() {}

  static List<List<String>> split(String line) {
    List<List<String>> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    boolean dropNext = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' || c == '"') {
        word = word == null ? new StringBuilder() : word;
        int end = i + 1;
        while (end < line.length() && line.charAt(end) != c) {
          if (c == '"' && line.charAt(end) == '\\' && end + 1 < line.length()) {
            end++;
          }
          word.append(line.charAt(end++));
        }
        i = end;
      } else if (c == '\\' && i + 1 < line.length()) {
        word = word == null ? new StringBuilder() : word;
        word.append(line.charAt(++i));
      } else if (Character.isWhitespace(c) || c == '|' || c == ';' || c == '&' || c == '>' || c == '<') {
        if (word != null) {
          if (!dropNext) {
            words.add(word.toString());
          }
          dropNext = false;
          word = null;
        }
        if (c == '>' || c == '<') {
          dropNext = true;
        } else if (c == '|' || c == ';' || c == '&') {
          commands.add(words);
          words = new ArrayList<>();
        }
      } else if (c == '#' && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null && !dropNext) {
      words.add(word.toString());
    }
    commands.add(words);
    commands.removeIf(List::isEmpty);
    return commands;
  }
}

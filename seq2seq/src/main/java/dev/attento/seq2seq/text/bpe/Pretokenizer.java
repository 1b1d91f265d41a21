package dev.attento.seq2seq.text.bpe;

import dev.attento.seq2seq.text.LuceneWordTokenizer;
import dev.attento.seq2seq.text.Tokenizer;
import dev.attento.seq2seq.text.TokenizerSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a text into the words BPE learns and encodes within (merges never cross a word), using
 * the project's Lucene word tokenizer ({@link LuceneWordTokenizer}, no filters) for where words,
 * numbers, placeholders and punctuation marks begin and end.
 *
 * <p>The words are a partition of {@code " " + text}: concatenated, they give it back exactly.
 * The leading space is SentencePiece's "dummy prefix", so that a sentence's first word is
 * spelled like any other ({@code ▁Open} whether or not it starts the sentence). Each Lucene
 * token takes the run of spaces right before it ({@code " Open"}); other whitespace (a tab,
 * a newline) is a word of its own character by character, and a run of spaces not followed by a
 * token is one word. Characters keep their case and accents: filters would lose information,
 * and detokenization must be exact.
 */
public final class Pretokenizer {

  private final Tokenizer lucene = new LuceneWordTokenizer(new TokenizerSpec("word", List.of()));

  /** The words of {@code text}; their concatenation is {@code " " + text}, or nothing for an empty text. */
  public List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    String s = " " + text;
    int pos = 0;
    for (String token : lucene.tokenize(s)) {
      // Without filters a token is a verbatim substring, and only whitespace lies between tokens.
      int start = s.indexOf(token, pos);
      if (start < 0) {
        throw new IllegalStateException("the word tokenizer changed the text: '" + token + "' is not in '" + s + "'");
      }
      int spaces = start;
      while (spaces > pos && s.charAt(spaces - 1) == ' ') {
        spaces--;
      }
      addGap(s, pos, spaces, out);
      out.add(s.substring(spaces, start + token.length()));
      pos = start + token.length();
    }
    addGap(s, pos, s.length(), out);
    return out;
  }

  /** Runs of spaces as one word each, every other character as a word of its own. */
  private static void addGap(String s, int from, int to, List<String> out) {
    int i = from;
    while (i < to) {
      int end = i + Character.charCount(s.codePointAt(i));
      if (s.charAt(i) == ' ') {
        while (end < to && s.charAt(end) == ' ') {
          end++;
        }
      }
      out.add(s.substring(i, end));
      i = end;
    }
  }

  /** How often each word occurs in {@code texts}: what BPE learns from. */
  public Map<String, Long> count(Iterable<String> texts) {
    Map<String, Long> counts = new HashMap<>();
    for (String text : texts) {
      for (String w : words(text)) {
        counts.merge(w, 1L, Long::sum);
      }
    }
    return counts;
  }
}

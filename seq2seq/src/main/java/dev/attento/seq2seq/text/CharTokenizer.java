package dev.attento.seq2seq.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Characters (Unicode code points) as tokens, for toy tasks and for languages written
 * without spaces. A space becomes the visible token {@code ▁} (as in SentencePiece), so
 * detokenization is exact.
 */
public final class CharTokenizer implements Tokenizer {

  /** The token that stands for a space. */
  public static final String SPACE = "▁";

  @Override
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>(text.length());
    text.codePoints().forEach(cp -> out.add(cp == ' ' ? SPACE : new String(Character.toChars(cp))));
    return out;
  }

  @Override
  public String detokenize(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      sb.append(t.equals(SPACE) ? " " : t);
    }
    return sb.toString();
  }

  @Override
  public TokenizerSpec spec() {
    return new TokenizerSpec("char", List.of());
  }
}

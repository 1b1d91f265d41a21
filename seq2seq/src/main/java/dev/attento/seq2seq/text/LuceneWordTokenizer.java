package dev.attento.seq2seq.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Word-level tokenization on a Lucene analysis chain: a {@link PatternTokenizer} that keeps
 * punctuation marks as tokens (Lucene's StandardTokenizer drops them, but a translator must
 * output them), then optional {@link LowerCaseFilter} and {@link ASCIIFoldingFilter}.
 *
 * <p>A word may contain inner apostrophes and dots ({@code don't}, {@code CERCA.VERT},
 * {@code file.txt}); a dot that ends a sentence is its own token. The pattern keeps UI placeholders ({@code %1}, {@code $(ARG1)}, {@code %COLUMNNUMBER}) whole.
 * With {@code elision}, an elided article such as Italian {@code l'} or {@code dell'} becomes a
 * token of its own ({@code l'area} → {@code l'} {@code area}). Lucene's ElisionFilter would
 * delete the article instead, which suits search but not translation.
 */
public final class LuceneWordTokenizer implements Tokenizer {

  private static final String ELIDED = "\\p{L}+['’](?=\\p{L})";
  private static final String WORD = "[\\p{L}\\p{N}]+(?:['’.][\\p{L}\\p{N}]+)*";
  private static final String NUMBER = "\\p{N}+(?:[.,]\\p{N}+)*";
  private static final String SYMBOL = "[^\\s\\p{L}\\p{N}]";

  private final TokenizerSpec spec;
  private final Analyzer analyzer;

  /** A tokenizer for a {@code word} spec. */
  public LuceneWordTokenizer(TokenizerSpec spec) {
    this.spec = spec;
    boolean elision = spec.filters().contains("elision");
    Pattern pattern = Pattern.compile(String.join("|", Placeholders.TOKEN, NUMBER, elision ? ELIDED : "(?!)", WORD, SYMBOL));
    boolean lowercase = spec.filters().contains("lowercase");
    boolean fold = spec.filters().contains("fold");
    this.analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        PatternTokenizer source = new PatternTokenizer(pattern, 0);
        TokenStream stream = source;
        if (lowercase) {
          stream = new LowerCaseFilter(stream);
        }
        if (fold) {
          stream = new ASCIIFoldingFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  @Override
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("tokenizing a string cannot fail, but did", e);
    }
    return out;
  }

  /**
   * Joins with single spaces, except before closing punctuation, after opening brackets and
   * after an elided article.
   */
  @Override
  public String detokenize(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    String prev = null;
    for (String t : tokens) {
      if (prev != null && !noSpaceBetween(prev, t)) {
        sb.append(' ');
      }
      sb.append(t);
      prev = t;
    }
    return sb.toString();
  }

  private static boolean noSpaceBetween(String prev, String next) {
    return ",.;:!?)]}%…".contains(next) && next.length() == 1
        || "([{".contains(prev) && prev.length() == 1
        || prev.endsWith("'") || prev.endsWith("’");
  }

  @Override
  public TokenizerSpec spec() {
    return spec;
  }
}

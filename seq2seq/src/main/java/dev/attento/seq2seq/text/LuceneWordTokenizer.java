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
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

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
 *
 * <p>Without spacing information, {@link #detokenize} can only guess where the text had
 * spaces ({@code read-only} and {@code 3D} come back as {@code read - only} and {@code 3 D}).
 * With {@code join}, every place where two tokens touched without whitespace is marked with
 * {@link #JOINER} on one of them, as OpenNMT's tokenizer does: on the punctuation token if
 * either is one ({@code read ￭-￭ only}), else on an elided article ({@code l'￭ area}), else
 * on the second token ({@code 3 ￭D}). Detokenization is then exact up to runs of whitespace,
 * so BLEU no longer pays for spacing the translator got right.
 */
public final class LuceneWordTokenizer implements Tokenizer {

  /** The mark of the {@code join} filter: a token beginning with it had no space before it, one ending with it none after it. */
  public static final String JOINER = "\uFFED";

  private static final String ELIDED = "\\p{L}+['’](?=\\p{L})";
  private static final String WORD = "[\\p{L}\\p{N}]+(?:['’.][\\p{L}\\p{N}]+)*";
  private static final String NUMBER = "\\p{N}+(?:[.,]\\p{N}+)*";
  private static final String SYMBOL = "[^\\s\\p{L}\\p{N}]";

  private final TokenizerSpec spec;
  private final Analyzer analyzer;
  private final boolean join;

  /** A tokenizer for a {@code word} spec. */
  public LuceneWordTokenizer(TokenizerSpec spec) {
    this.spec = spec;
    boolean elision = spec.filters().contains("elision");
    Pattern pattern = Pattern.compile(String.join("|", Placeholders.TOKEN, NUMBER, elision ? ELIDED : "(?!)", WORD, SYMBOL));
    boolean lowercase = spec.filters().contains("lowercase");
    boolean fold = spec.filters().contains("fold");
    this.join = spec.filters().contains("join");
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
    int prevEnd = -1;
    String input = join ? text.replace(JOINER, "") : text; // a literal joiner would read as a mark
    try (TokenStream ts = analyzer.tokenStream("text", new StringReader(input))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String token = term.toString();
        if (join && offset.startOffset() == prevEnd) {
          int last = out.size() - 1;
          String prev = out.get(last);
          if (isPunctuation(token)) {
            token = JOINER + token;
          } else if (isPunctuation(prev) || prev.endsWith("'") || prev.endsWith("’")) {
            out.set(last, prev + JOINER);
          } else {
            token = JOINER + token;
          }
        }
        out.add(token);
        prevEnd = offset.endOffset();
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("tokenizing a string cannot fail, but did", e);
    }
    return out;
  }

  /** One character that is neither a letter nor a digit (a possibly joined-marked punctuation token counts too). */
  private static boolean isPunctuation(String token) {
    String t = stripJoiners(token);
    return t.codePointCount(0, t.length()) == 1 && !Character.isLetterOrDigit(t.codePointAt(0));
  }

  private static String stripJoiners(String token) {
    String t = token;
    if (t.length() > JOINER.length() && t.startsWith(JOINER)) {
      t = t.substring(JOINER.length());
    }
    if (t.length() > JOINER.length() && t.endsWith(JOINER)) {
      t = t.substring(0, t.length() - JOINER.length());
    }
    return t;
  }

  /**
   * Joins with single spaces, except before closing punctuation, after opening brackets and
   * after an elided article; with {@code join}, exactly where the joiner marks say.
   */
  @Override
  public String detokenize(List<String> tokens) {
    if (join) {
      return detokenizeJoined(tokens);
    }
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

  private static String detokenizeJoined(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    boolean glueNext = true;
    for (String t : tokens) {
      boolean glueBefore = t.length() > JOINER.length() && t.startsWith(JOINER);
      if (!glueNext && !glueBefore) {
        sb.append(' ');
      }
      glueNext = t.length() > JOINER.length() && t.endsWith(JOINER);
      sb.append(stripJoiners(t));
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

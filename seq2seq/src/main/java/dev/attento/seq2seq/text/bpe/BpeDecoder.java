package dev.attento.seq2seq.text.bpe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns pieces back into text: pieces are concatenated, {@link Pieces#SPACE} becomes a space,
 * runs of byte pieces become the characters they encode, and the leading space the {@link
 * Pretokenizer} added is dropped. Exactly undoes {@link BpeEncoder} on a {@link Pretokenizer}'s
 * words; on a model's output, bytes that do not form UTF-8 become {@code U+FFFD}, so any list
 * of pieces decodes. Needs no model.
 */
public final class BpeDecoder {

  /** The text of {@code pieces}. */
  public String decode(List<String> pieces) {
    StringBuilder text = new StringBuilder();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String p : pieces) {
      int b = Pieces.byteValue(p);
      if (b >= 0) {
        bytes.write(b);
        continue;
      }
      flush(bytes, text);
      text.append(p.replace(Pieces.SPACE, " "));
    }
    flush(bytes, text);
    if (text.length() > 0 && text.charAt(0) == ' ') {
      text.deleteCharAt(0);
    }
    return text.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder text) {
    if (bytes.size() > 0) {
      text.append(bytes.toString(StandardCharsets.UTF_8));
      bytes.reset();
    }
  }
}

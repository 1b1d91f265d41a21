package dev.attento.seq2seq.text.bpe;

import dev.attento.seq2seq.text.Tokenizer;
import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Byte-pair-encoding subword tokens ({@code bpe} or {@code bpe:N}): Lucene pre-tokenization
 * ({@link Pretokenizer}), then each word split into learned pieces ({@link BpeEncoder}); {@link
 * #detokenize} restores the original text exactly ({@link BpeDecoder}). Every text encodes,
 * with pieces all in {@link #vocabulary()}: characters unseen in training become byte pieces.
 *
 * <p>Unlike {@code word} and {@code char}, a BPE tokenizer must be learned ({@link #learn}) or
 * loaded from its model file ({@link #load}). For a <em>joint</em> vocabulary (one for both
 * languages, as for related languages or copied names), learn one tokenizer from the source and
 * target texts together and use it on both sides; for <em>separate</em> ones, learn one from
 * each side's texts.
 */
public final class BpeTokenizer implements Tokenizer {

  private final TokenizerSpec spec;
  private final BpeModel model;
  private final Pretokenizer pretokenizer = new Pretokenizer();
  private final BpeEncoder encoder;
  private final BpeDecoder decoder = new BpeDecoder();

  /**
   * A tokenizer of a learned model.
   *
   * @param spec a {@code bpe} spec (what the model was learned for)
   * @param model the alphabet and merges
   */
  public BpeTokenizer(TokenizerSpec spec, BpeModel model) {
    if (!spec.type().equals("bpe")) {
      throw new IllegalArgumentException("a BPE tokenizer needs a bpe spec, got " + spec);
    }
    this.spec = spec;
    this.model = model;
    this.encoder = new BpeEncoder(model);
  }

  /**
   * Learns merges from {@code texts} so that the vocabulary has at most {@code spec.bpeSize()}
   * entries: {@link BpeModel#FIXED_PIECES} fixed ones, the texts' alphabet, and as many merges as
   * fit (fewer if the texts run out of pairs seen twice).
   *
   * @throws IllegalArgumentException if the size leaves no room for the alphabet, or there are no texts
   */
  public static BpeTokenizer learn(TokenizerSpec spec, Iterable<String> texts) {
    if (!spec.needsTraining()) {
      throw new IllegalArgumentException("only a bpe tokenizer is learned, not " + spec);
    }
    Map<String, Long> words = new Pretokenizer().count(texts);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("no text to learn BPE merges from");
    }
    int alphabet = BpeLearner.alphabet(words).size();
    int merges = spec.bpeSize() - BpeModel.FIXED_PIECES - alphabet;
    if (merges < 0) {
      throw new IllegalArgumentException("BPE size " + spec.bpeSize() + " is too small for the alphabet: the vocabulary holds "
          + BpeModel.FIXED_PIECES + " fixed entries (4 specials, 256 bytes) and the texts' " + alphabet
          + " characters, so use at least bpe:" + (BpeModel.FIXED_PIECES + alphabet));
    }
    return new BpeTokenizer(spec, new BpeLearner().learn(words, merges));
  }

  /**
   * Loads a tokenizer saved by {@link #save}.
   *
   * @throws IllegalArgumentException naming the file if it is not a complete, unaltered BPE model
   */
  public static BpeTokenizer load(Path file) throws IOException {
    return BpeModelFile.read(file);
  }

  /** Saves the spec and model, atomically, in the format of {@link BpeModelFile}. */
  public void save(Path file) throws IOException {
    BpeModelFile.write(file, spec, model);
  }

  /** The learned alphabet and merges. */
  public BpeModel model() {
    return model;
  }

  /** The vocabulary of every piece this tokenizer can output (see {@link BpeModel#vocabulary()}). */
  public Vocabulary vocabulary() {
    return model.vocabulary();
  }

  @Override
  public List<String> tokenize(String text) {
    List<String> pieces = new ArrayList<>();
    for (String word : pretokenizer.words(text)) {
      encoder.encode(word, pieces);
    }
    return pieces;
  }

  @Override
  public String detokenize(List<String> tokens) {
    return decoder.decode(tokens);
  }

  @Override
  public TokenizerSpec spec() {
    return spec;
  }
}

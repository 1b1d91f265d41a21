/**
 * Byte-pair-encoding subword units (Sennrich, Haddow and Birch 2016), the tokenizer spec
 * {@code bpe} or {@code bpe:N}.
 *
 * <h2>Choices</h2>
 *
 * <ul>
 *   <li><b>Pre-tokenization stays Lucene's.</b> {@link dev.attento.seq2seq.text.bpe.Pretokenizer}
 *       cuts text where the {@code word} tokenizer does (words, numbers, placeholders such as
 *       {@code %1} or {@code $(ARG1)}, each punctuation mark), and merges never cross those
 *       cuts.
 *   <li><b>SentencePiece's {@code ▁}, not subword-nmt's {@code @@}.</b> A space becomes
 *       {@code ▁} at the start of the next word ({@code ▁Insert ▁the ▁sel ected ▁cells .}), so
 *       the pieces alone say where every space was: decoding is concatenation, exact for any
 *       spacing (two spaces, none before punctuation, a leading or trailing one). With
 *       {@code @@ } continuation marks, where the text had spaces between words would be lost.
 *       Like SentencePiece, a space is assumed before the first word, so a word is spelled the
 *       same at the start of a sentence.
 *   <li><b>No {@code <unk>}.</b> A character the model has no piece for is written as its
 *       UTF-8 bytes, {@code <0xF0> <0x9F> <0x99> <0x82>} for 🙂 (SentencePiece's byte
 *       fallback); all 256 byte pieces are in every vocabulary, so every text encodes and
 *       every list of pieces decodes. Tabs, newlines, other whitespace and control characters
 *       are always bytes, so pieces never hold whitespace (see {@link
 *       dev.attento.seq2seq.text.bpe.Pieces}).
 *   <li><b>{@code N} is the vocabulary size</b> (default 8000), as SentencePiece's
 *       {@code --vocab_size}, not the number of merges (subword-nmt's {@code -s}): the
 *       vocabulary holds the 4 specials, the 256 byte pieces, the training alphabet and then as
 *       many merges as fit, so N is the model's embedding and output size. A size below the
 *       fixed entries plus the alphabet is an error that says the least size that works.
 *   <li><b>Joint or separate</b> is which texts a tokenizer is learned from: both sides' for one
 *       shared vocabulary, each side's for two ({@link
 *       dev.attento.seq2seq.text.bpe.BpeTokenizer#learn}).
 *   <li><b>The model file</b> ({@code attento-bpe 1}, the spec, the alphabet, the merges, and a
 *       SHA-256 of it all on the last line) is refused whole when damaged or edited; see {@link
 *       dev.attento.seq2seq.text.bpe.BpeModelFile}.
 * </ul>
 *
 * <h2>Speed</h2>
 *
 * {@link dev.attento.seq2seq.text.bpe.BpeLearner} keeps pair counts incrementally (a pair table
 * with the words of each pair, and an indexed heap) over the distinct words, so a merge costs
 * the words it changes, not a pass over the corpus. See {@code BpeLearnSpeed} (a benchmark
 * class in the tests) for measured times.
 */
package dev.attento.seq2seq.text.bpe;

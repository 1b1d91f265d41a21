package dev.attento.seq2seq.train;

import dev.attento.seq2seq.config.ConfigException;
import dev.attento.seq2seq.config.DataSettings;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.data.formats.CorpusFormat;
import dev.attento.seq2seq.data.formats.ReadOptions;
import dev.attento.seq2seq.tasks.ToyTask;
import dev.attento.seq2seq.tasks.ToyTasks;
import dev.attento.seq2seq.text.TextCodec;
import dev.attento.seq2seq.text.Tokenizer;
import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.Vocabulary;
import dev.attento.seq2seq.text.bpe.BpeTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code data} section of a config into {@link TrainingData}: generates a toy task
 * or reads corpora (TSV, TMX, .po or .mo, told apart by their content; TMX sides chosen by
 * {@code data.sourceLanguage} and {@code data.targetLanguage}), tokenizes, drops pairs longer than {@code maxLength} tokens on either
 * side, and builds vocabularies on the training split only (so dev tokens unseen in training
 * become UNK, as they would for real input).
 */
public final class DataPreparation {

  private DataPreparation() {}

  /** Prepares the data of an experiment (its toy task generated from the run's seed). */
  public static TrainingData prepare(ExperimentConfig c) {
    return prepare(c.data(), c.training().seed());
  }

  /**
   * Prepares the data a config's {@code data} section describes.
   *
   * @param seed the run's seed, from which a toy task's pairs are generated
   */
  public static TrainingData prepare(DataSettings c, long seed) {
    List<SentencePair> train;
    List<SentencePair> dev;
    String origin;
    TokenizerSpec srcTok;
    TokenizerSpec tgtTok;
    if (c.generated()) {
      ToyTask task = ToyTasks.byName(c.task());
      srcTok = c.sourceTokenizer().orElse(task.sourceTokenizer());
      tgtTok = c.targetTokenizer().orElse(task.targetTokenizer());
      train = task.generate(c.trainSize(), seed);
      dev = task.generate(c.devSize(), seed + 1_000_003L);
      origin = "task " + task.name() + " (" + train.size() + " train / " + dev.size() + " dev pairs, seed " + seed + ")";
    } else {
      ReadOptions read = new ReadOptions(c.strict(), c.sourceLanguage(), c.targetLanguage(), false);
      srcTok = c.sourceTokenizer().orElse("word");
      tgtTok = c.targetTokenizer().orElse("word");
      Corpus trainCorpus = nonEmpty(CorpusFormat.readDetected(c.train(), read), c.train(), "training");
      Corpus devCorpus = nonEmpty(CorpusFormat.readDetected(c.dev(), read), c.dev(), "dev");
      train = trainCorpus.pairs();
      dev = devCorpus.pairs();
      origin = c.train() + ": " + trainCorpus.summary() + "; " + c.dev() + ": " + devCorpus.summary();
    }
    Tokenizer st;
    Tokenizer tt;
    if (c.jointBpe() && srcTok.needsTraining() && srcTok.equals(tgtTok)) {
      List<String> both = new ArrayList<>(2 * train.size());
      train.forEach(p -> both.add(p.source()));
      train.forEach(p -> both.add(p.target()));
      st = BpeTokenizer.learn(srcTok, both);
      tt = st;
    } else {
      st = tokenizer(srcTok, train.stream().map(SentencePair::source).toList());
      tt = tokenizer(tgtTok, train.stream().map(SentencePair::target).toList());
    }
    int maxLen = c.maxLength();
    List<List<String>> srcTokens = new ArrayList<>();
    List<List<String>> tgtTokens = new ArrayList<>();
    // One String per distinct token: a large corpus (a toy task's 192,000 pairs) otherwise
    // holds millions of equal token strings until the vocabulary is built.
    Map<String, String> distinct = new HashMap<>();
    int dropped = 0;
    for (SentencePair p : train) {
      List<String> s = canonical(st.tokenize(p.source()), distinct);
      List<String> t = canonical(tt.tokenize(p.target()), distinct);
      if (s.isEmpty() || t.isEmpty() || s.size() > maxLen || t.size() > maxLen) {
        dropped++;
        continue;
      }
      srcTokens.add(s);
      tgtTokens.add(t);
    }
    if (srcTokens.isEmpty()) {
      throw new ConfigException("no training pairs left after filtering to data.maxLength=" + maxLen + " tokens");
    }
    int minFreq = c.minFrequency();
    int maxVocab = c.maxVocabulary();
    TextCodec source = new TextCodec(st, vocabulary(st, srcTokens, minFreq, maxVocab));
    TextCodec target = new TextCodec(tt, vocabulary(tt, tgtTokens, minFreq, maxVocab));
    List<Example> trainExamples = new ArrayList<>();
    for (int i = 0; i < srcTokens.size(); i++) {
      trainExamples.add(new Example(i, source.vocabulary().encode(srcTokens.get(i)),
          target.vocabulary().encode(tgtTokens.get(i))));
    }
    List<Example> devExamples = new ArrayList<>();
    List<SentencePair> devKept = new ArrayList<>();
    for (SentencePair p : dev) {
      int[] s = source.encode(p.source());
      int[] t = target.encode(p.target());
      if (s.length == 0 || t.length == 0 || s.length > maxLen || t.length > maxLen) {
        continue;
      }
      devExamples.add(new Example(devKept.size(), s, t));
      devKept.add(p);
    }
    if (devExamples.isEmpty()) {
      // Without dev pairs there is no dev loss: early stopping and the best checkpoint would compare zeros.
      throw new ConfigException("no dev pairs left after filtering to data.maxLength=" + maxLen + " tokens ("
          + dev.size() + " read); the dev set must not be empty");
    }
    String summary = origin + "; " + trainExamples.size() + " train pairs kept (" + dropped + " longer than " + maxLen
        + " tokens dropped); vocabularies " + source.vocabulary().size() + " / " + target.vocabulary().size();
    return new TrainingData(source, target, trainExamples, devExamples, devKept, summary);
  }

  /** {@code corpus}, or an error naming the file when it holds no pair at all (before any filtering could be blamed). */
  private static Corpus nonEmpty(Corpus corpus, java.nio.file.Path file, String role) {
    if (corpus.pairs().isEmpty()) {
      throw new ConfigException(file + ": no " + role + " pairs in the file (" + corpus.summary() + ")");
    }
    return corpus;
  }

  private static List<String> canonical(List<String> tokens, Map<String, String> distinct) {
    List<String> out = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      out.add(distinct.computeIfAbsent(t, k -> k));
    }
    return out;
  }

  /** A side's tokenizer: subword units are learned from that side's training text. */
  private static Tokenizer tokenizer(TokenizerSpec spec, List<String> trainingText) {
    return spec.needsTraining() ? BpeTokenizer.learn(spec, trainingText) : spec.create();
  }

  /**
   * A side's vocabulary: a subword model's pieces (every byte among them, so nothing is ever
   * unknown), or the training tokens seen at least {@code minFrequency} times.
   */
  private static Vocabulary vocabulary(Tokenizer tokenizer, List<List<String>> trainingTokens, int minFrequency,
                                       int maxVocabulary) {
    return tokenizer instanceof BpeTokenizer bpe ? bpe.vocabulary()
        : Vocabulary.build(trainingTokens, minFrequency, maxVocabulary);
  }
}

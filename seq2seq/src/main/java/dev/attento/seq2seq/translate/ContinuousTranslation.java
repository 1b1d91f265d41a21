package dev.attento.seq2seq.translate;

import dev.attento.core.ops.Forward;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.decode.ContinuousGreedySearch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text in, text out around a {@link ContinuousGreedySearch} in the translator's pass (one
 * batch, its products shared out over the pool): sentences are tokenized as they
 * join, and each comes back translated (as {@link TextTranslator} would translate it) at the
 * step in which it ends. A sentence without tokens comes back, empty, at the next step.
 * Made by {@link TextTranslator#continuous}; not thread-safe.
 */
public final class ContinuousTranslation {

  /**
   * A sentence that has been translated.
   *
   * @param id what {@link #admit} was given for it
   */
  public record Done(int id, Translation translation) {}

  private record Pending(String text, int[] sourceIds) {}

  private final TextTranslator translator;
  private final Forward fwd;
  private final ContinuousGreedySearch search;
  private final Map<Integer, Pending> pending = new HashMap<>();
  private final List<Done> empty = new ArrayList<>();

  ContinuousTranslation(TextTranslator translator, Forward fwd, ContinuousGreedySearch search) {
    this.translator = translator;
    this.fwd = fwd;
    this.search = search;
  }

  /**
   * Adds sentences to the batch; they start decoding at the next {@link #step}.
   *
   * @param ids one per sentence, distinct from those of every sentence still in the batch
   */
  public void admit(List<String> sentences, int[] ids) {
    if (ids.length != sentences.size()) {
      throw new IllegalArgumentException("admit: " + ids.length + " ids for " + sentences.size() + " sentences");
    }
    List<Example> examples = new ArrayList<>();
    List<Integer> joining = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (pending.containsKey(ids[i])) {
        throw new IllegalArgumentException("admit: id " + ids[i] + " is already in the batch");
      }
      int[] source = translator.sourceIds(sentences.get(i));
      if (source.length == 0) {
        empty.add(new Done(ids[i], Translation.empty(sentences.get(i))));
        continue;
      }
      pending.put(ids[i], new Pending(sentences.get(i), source));
      examples.add(new Example(ids[i], source, new int[0]));
      joining.add(ids[i]);
    }
    if (!examples.isEmpty()) {
      search.admit(fwd, Batch.of(examples).source(), joining.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /** Sentences admitted and not yet returned by {@link #step}. */
  public int size() {
    return search.live() + empty.size();
  }

  /** One decoding step for every sentence in the batch; returns those that ended. */
  public List<Done> step() {
    List<Done> done = new ArrayList<>(empty);
    empty.clear();
    for (ContinuousGreedySearch.Ended e : search.step(fwd)) {
      Pending p = pending.remove(e.id());
      done.add(new Done(e.id(), translator.toTranslation(p.text(), p.sourceIds(), e.hypothesis())));
    }
    return done;
  }
}

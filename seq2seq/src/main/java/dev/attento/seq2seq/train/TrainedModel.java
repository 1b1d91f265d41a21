package dev.attento.seq2seq.train;

import dev.attento.seq2seq.model.Translator;

/**
 * A translator with what it takes to translate text: the tokenizers and vocabularies it was
 * trained with.
 *
 * @param translator the network
 * @param source source tokenizer and vocabulary
 * @param target target tokenizer and vocabulary
 * @param seed the seed it was initialised with
 */
public record TrainedModel(Translator translator, TrainingData.Side source, TrainingData.Side target, long seed) {}

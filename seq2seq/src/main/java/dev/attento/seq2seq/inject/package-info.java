/**
 * Guice modules that compose a translator, one per feature and without conditional logic:
 * {@link dev.attento.seq2seq.inject.TranslatorModule} (config, initialisation seed, encoder,
 * translator), {@link dev.attento.seq2seq.inject.CellsModule} (the cell registry and the
 * cell factory), and exactly one decoder module,
 * {@link dev.attento.seq2seq.inject.FixedContextModule} or
 * {@link dev.attento.seq2seq.inject.AttentionModule}. The choice between them is made once,
 * in {@link dev.attento.seq2seq.inject.Translators}; any binding can be replaced with
 * {@code Modules.override}.
 */
package dev.attento.seq2seq.inject;

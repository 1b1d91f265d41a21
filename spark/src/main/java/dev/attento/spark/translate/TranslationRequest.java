package dev.attento.spark.translate;

import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.spark.plugins.PluginShipment;
import java.io.Serializable;

/**
 * Everything a corpus translation depends on besides its rows, shipped with every task.
 *
 * @param model the run's location (see {@link ModelLocation})
 * @param idColumn the column that identifies a sentence; it is copied to the output unchanged
 * @param textColumn the column of source sentences (a null reads as an empty sentence)
 * @param beamSize 1 for greedy search, more for beam search
 * @param lengthPenalty see {@link DecodingOptions}
 * @param maxLengthRatio see {@link DecodingOptions}
 * @param maxLengthExtra see {@link DecodingOptions}
 * @param replaceUnknown whether an output UNK becomes the most-attended source token
 * @param batchSize sentences decoded together in a task
 * @param plugins the cell plugin jars shipped with the job ({@link PluginShipment#NONE} for none)
 */
public record TranslationRequest(String model, String idColumn, String textColumn, int beamSize, double lengthPenalty,
                                 double maxLengthRatio, int maxLengthExtra, boolean replaceUnknown, int batchSize,
                                 PluginShipment plugins)
    implements Serializable {

  /** The batch size {@code attento translate} decodes with. */
  public static final int DEFAULT_BATCH_SIZE = 64;

  public TranslationRequest {
    decodingOptions(beamSize, lengthPenalty, maxLengthRatio, maxLengthExtra);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    plugins = plugins == null ? PluginShipment.NONE : plugins;
  }

  /** A request for columns {@code id} and {@code text}, batches of {@value #DEFAULT_BATCH_SIZE}. */
  public static TranslationRequest of(String model, DecodingOptions options, boolean replaceUnknown) {
    return new TranslationRequest(model, "id", "text", options.beamSize(), options.lengthPenalty(),
        options.maxLengthRatio(), options.maxLengthExtra(), replaceUnknown, DEFAULT_BATCH_SIZE, PluginShipment.NONE);
  }

  /** This request reading the given columns. */
  public TranslationRequest withColumns(String id, String text) {
    return new TranslationRequest(model, id, text, beamSize, lengthPenalty, maxLengthRatio, maxLengthExtra,
        replaceUnknown, batchSize, plugins);
  }

  /** This request decoding {@code size} sentences at a time. */
  public TranslationRequest withBatchSize(int size) {
    return new TranslationRequest(model, idColumn, textColumn, beamSize, lengthPenalty, maxLengthRatio,
        maxLengthExtra, replaceUnknown, size, plugins);
  }

  /** This request with beam size {@code size} (the other decoding settings kept). */
  public TranslationRequest withBeam(int size) {
    return new TranslationRequest(model, idColumn, textColumn, size, lengthPenalty, maxLengthRatio,
        maxLengthExtra, replaceUnknown, batchSize, plugins);
  }

  /** This request loading a plugin cell from the jars {@code shipped} (see {@link PluginShipment#ship}). */
  public TranslationRequest withPlugins(PluginShipment shipped) {
    return new TranslationRequest(model, idColumn, textColumn, beamSize, lengthPenalty, maxLengthRatio,
        maxLengthExtra, replaceUnknown, batchSize, shipped);
  }

  /** The decoding options the request stands for. */
  public DecodingOptions decodingOptions() {
    return decodingOptions(beamSize, lengthPenalty, maxLengthRatio, maxLengthExtra);
  }

  private static DecodingOptions decodingOptions(int beam, double penalty, double ratio, int extra) {
    return new DecodingOptions(beam, penalty, ratio, extra);
  }
}

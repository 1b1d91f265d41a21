package dev.attento.seq2seq.config;

import static dev.attento.seq2seq.config.ValueTypes.flag;
import static dev.attento.seq2seq.config.ValueTypes.integer;

import dev.attento.attention.AttentionFactory;
import dev.attento.attention.AttentionMechanisms;
import dev.attento.seq2seq.model.ModelConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The keys of the {@code model} section: the architecture. Each constant's description says
 * what it sets. Cells and attention mechanisms can come from plugins, so their names are
 * checked when the model is built, not here.
 */
public final class ModelKeys {

  private ModelKeys() {}

  private static final String MECHANISMS = AttentionMechanisms.all().stream().map(AttentionFactory::name)
      .collect(Collectors.joining(", "));

  public static final ConfigKey<String> CELL = new ConfigKey<>("model.cell",
      ValueTypes.name("rnn, lstm, gru or a plugin's cell"), "lstm",
      "Recurrent cell of encoder and decoder: rnn, lstm, gru or a plugin's name.", c -> c.model().cell());
  public static final ConfigKey<Map<String, String>> CELL_OPTIONS = new ConfigKey<>("model.cellOptions",
      ValueTypes.stringMap(), Map.of(), "Options for the cell, e.g. activation: relu (see attento cells list).",
      c -> c.model().cellOptions());
  public static final ConfigKey<Integer> EMBEDDING = new ConfigKey<>("model.embedding", integer(1, ModelConfig.MAX_SIZE),
      64, "Size of the token embeddings.", c -> c.model().embedding());
  public static final ConfigKey<Integer> HIDDEN = new ConfigKey<>("model.hidden", integer(1, ModelConfig.MAX_SIZE),
      128, "Hidden size of each recurrent layer (per direction).", c -> c.model().hidden());
  public static final ConfigKey<Integer> LAYERS = new ConfigKey<>("model.layers", integer(1, ModelConfig.MAX_LAYERS),
      1, "Stacked recurrent layers in encoder and decoder.", c -> c.model().layers());
  public static final ConfigKey<Boolean> BIDIRECTIONAL = new ConfigKey<>("model.bidirectional", flag(), false,
      "The encoder reads the source in both directions.", c -> c.model().bidirectional());
  public static final ConfigKey<Boolean> RESIDUAL = new ConfigKey<>("model.residual", flag(), false,
      "Stacked layers add their input to their output (He et al. 2016).", c -> c.model().residual());
  public static final ConfigKey<Double> DROPOUT = new ConfigKey<>("model.dropout",
      ValueTypes.number(0, true, 1, false), 0.0, "Dropout between layers and before the output layer.",
      c -> c.model().dropout());
  public static final ConfigKey<String> ATTENTION = new ConfigKey<>("model.attention",
      ValueTypes.name("none, " + MECHANISMS + " or a plugin's mechanism"), "luong-general",
      "Attention over the encoder states, or none for a fixed context vector.",
      c -> c.model().attention());
  public static final ConfigKey<Boolean> INPUT_FEEDING = new ConfigKey<>("model.inputFeeding", flag(), true,
      "Feed the previous attentional vector into the next step (Luong et al. 2015).", c -> c.model().inputFeeding());
  public static final ConfigKey<Boolean> FEED_CONTEXT = new ConfigKey<>("model.feedContext", flag(), true,
      "Fixed context: feed it at every step (Cho et al. 2014), else only initialise the state (Sutskever et al. 2014).",
      c -> c.model().feedContext());
  public static final ConfigKey<Boolean> TIE_EMBEDDINGS = new ConfigKey<>("model.tieEmbeddings", flag(), false,
      "Share the target embeddings with the output layer (Press & Wolf 2017).", c -> c.model().tieEmbeddings());

  /** Every key of the section, in the order config files list them. */
  public static final List<ConfigKey<?>> ALL = List.of(CELL, CELL_OPTIONS, EMBEDDING, HIDDEN, LAYERS, BIDIRECTIONAL,
      RESIDUAL, DROPOUT, ATTENTION, INPUT_FEEDING, FEED_CONTEXT, TIE_EMBEDDINGS);
}

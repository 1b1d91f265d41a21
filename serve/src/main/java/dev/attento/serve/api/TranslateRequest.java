package dev.attento.serve.api;

import dev.attento.serve.engine.DecodeOptions;
import java.util.List;

/**
 * A checked {@code POST /v1/translate} request.
 *
 * @param model the name of a served model
 * @param texts the sentences, within the server's limits
 * @param options decoding options, within the server's limits
 */
public record TranslateRequest(String model, List<String> texts, DecodeOptions options) {

  /** Copies the sentences. */
  public TranslateRequest {
    texts = List.copyOf(texts);
  }
}

package dev.attento.serve.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attento.serve.ServerLimits;
import dev.attento.serve.engine.DecodeOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Defaults, and the limits that depend on each other. */
class RequestParserTest {

  private static TranslateRequest parse(ServerLimits limits, String json) {
    return new RequestParser(limits, Set.of("m")).parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void omittedFieldsTakeTheDefaults() {
    TranslateRequest r = parse(ServerLimits.defaults(), "{\"text\": \"a b\"}");
    assertEquals("m", r.model());
    assertEquals(List.of("a b"), r.texts());
    assertEquals(new DecodeOptions(4, 1, 1.0, 256, false), r.options());
  }

  @Test
  void nGramBlockingAndCoveragePenaltyArePerRequest() {
    TranslateRequest r = parse(ServerLimits.defaults(),
        "{\"text\": \"a b\", \"beam\": 2, \"noRepeatNgram\": 3, \"coveragePenalty\": 0.2}");
    assertEquals(new DecodeOptions(2, 1, 1.0, 256, false, 3, 0.2), r.options());
    ApiException e = assertThrows(ApiException.class,
        () -> parse(ServerLimits.defaults(), "{\"text\": \"a\", \"noRepeatNgram\": 2.5}"));
    assertEquals("field 'noRepeatNgram' must be an integer from 0 to 10", e.getMessage());
  }

  @Test
  void aRequestLargerThanTheWholeQueueIsTooLargeNotOverload() {
    ApiException e = assertThrows(ApiException.class,
        () -> parse(ServerLimits.defaults().withQueueCapacity(3), "{\"texts\": [\"a\", \"b\", \"c\", \"d\"]}"));
    assertEquals(400, e.status());
    assertEquals("field 'texts' must hold 1 to 3 sentences (queueCapacity), got 4", e.getMessage());
  }

  @Test
  void nbestIsBoundedByTheBeamAndTheDefaultBeamByMaxBeam() {
    ServerLimits limits = new ServerLimits(1024, 4, 100, 2, 8, 50, 16, 5, 8, ServerLimits.defaults().requestTimeout(), true);
    assertEquals(2, parse(limits, "{\"text\": \"a\"}").options().beam());
    ApiException e = assertThrows(ApiException.class, () -> parse(limits, "{\"text\": \"a\", \"nbest\": 3}"));
    assertEquals("field 'nbest' must be an integer from 1 to 2 (beam), got 3", e.getMessage());
  }
}

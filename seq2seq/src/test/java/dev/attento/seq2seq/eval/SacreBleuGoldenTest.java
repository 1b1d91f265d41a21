package dev.attento.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** BLEU and chrF reproduce sacreBLEU 2.6.0 on every committed golden case, within 0.01. */
class SacreBleuGoldenTest {

  static Stream<Arguments> cases() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Arguments> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        SacreBleuGoldenTest.class.getResourceAsStream("/golden/sacrebleu-2.6.0.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(Arguments.of(++n, json.readTree(line)));
        }
      }
    }
    return out.stream();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases")
  void matchesSacreBleu(int number, JsonNode c) {
    List<String> hyps = strings(c.get("hyps"));
    List<String> refs = strings(c.get("refs"));
    Bleu.Score bleu = Bleu.corpus(hyps, refs);
    assertEquals(c.get("bleu").asDouble(), bleu.score(), 0.01, "bleu");
    for (int i = 0; i < 4; i++) {
      assertEquals(c.get("precisions").get(i).asDouble(), bleu.precisions()[i], 0.01, "precision " + (i + 1));
    }
    assertEquals(c.get("bp").asDouble(), bleu.brevityPenalty(), 0.0001, "bp");
    assertEquals(c.get("sys_len").asInt(), bleu.sysLen(), "sys_len");
    assertEquals(c.get("ref_len").asInt(), bleu.refLen(), "ref_len");
    assertEquals(c.get("chrf").asDouble(), ChrF.corpus(hyps, refs), 0.01, "chrf");
  }
}

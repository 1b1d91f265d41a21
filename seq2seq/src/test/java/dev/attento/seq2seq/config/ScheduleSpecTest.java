package dev.attento.seq2seq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attento.core.optim.LearningRateSchedule;
import dev.attento.core.optim.Schedules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed schedule reads what Schedules.parse reads and builds the same rates. */
class ScheduleSpecTest {

  @Test
  void parsesPrintsAndBuildsTheSameRatesAsSchedulesParse() {
    for (String text : List.of("constant", "step:5:0.5", "plateau:2:0.5", "plateau:2:0.5:1.0E-4", "warmup:10",
        "warmup:10+step:3:0.9", "warmup:4+plateau:1:0.1:0.001")) {
      ScheduleSpec spec = ScheduleSpec.parse(text);
      assertEquals(spec, ScheduleSpec.parse(spec.toString()), text);
      LearningRateSchedule mine = spec.create(0.01);
      LearningRateSchedule theirs = Schedules.parse(text, 0.01);
      for (long step = 1; step <= 30; step++) {
        if (step % 5 == 0) {
          mine.onEvaluation(1.0); // no improvement: plateau schedules decay
          theirs.onEvaluation(1.0);
        }
        assertEquals(theirs.rate(step), mine.rate(step), text + " at step " + step);
      }
    }
    assertEquals(new ScheduleSpec(10, ScheduleKind.CONSTANT, 0, 0, 0), ScheduleSpec.parse(" Warmup:10 "));
    assertEquals("step:5:0.5", ScheduleSpec.parse("step:5:5e-1").toString());
  }

  @Test
  void refusesWhatWouldFailOrDivideByZeroDuringTraining() {
    for (String text : List.of("", "linear", "step:0:0.5", "step:5", "step:5:0.5:1", "step:5:-1", "step:5:NaN",
        "plateau:0:0.5", "plateau:2:0.5:-1", "plateau:99999999999:0.5", "warmup:0", "warmup:-3+constant",
        "warmup:5+warmup:5", "constant:1", "step:x:0.5")) {
      assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.parse(text), text);
    }
  }
}

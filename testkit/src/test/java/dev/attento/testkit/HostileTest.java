package dev.attento.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The harness must fail on each kind of misbehaviour, or the fuzz tests could not fail. */
class HostileTest {

  private static final Duration SHORT = Duration.ofMillis(300);

  @Test
  void aResultOrTheTypedErrorPasses() {
    assertEquals("ok", Hostile.parse(10, SHORT, IllegalStateException.class, () -> "ok").value());
    IllegalStateException typed = new IllegalStateException("bad input");
    assertSame(typed, Hostile.parse(10, SHORT, IllegalStateException.class, () -> {
      throw typed;
    }).error());
  }

  @Test
  void anyOtherThrowableFails() {
    AssertionFailedError npe = assertThrows(AssertionFailedError.class,
        () -> Hostile.parse(10, SHORT, IllegalStateException.class, () -> ((String) null).length()));
    assertTrue(npe.getMessage().startsWith("escaped java.lang.NullPointerException"), npe.getMessage());
    assertThrows(AssertionFailedError.class, () -> Hostile.parse(10, SHORT, IllegalStateException.class, () -> {
      throw new StackOverflowError();
    }));
    assertThrows(AssertionFailedError.class, () -> Hostile.parse(10, SHORT, IllegalStateException.class, () -> {
      throw new IllegalStateException(" ");
    }), "a typed error without a message");
  }

  @Test
  void anEndlessLoopFails() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Hostile.parse(10, SHORT, IllegalStateException.class,
        () -> {
          while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
          }
          return null;
        }));
    assertTrue(e.getMessage().contains("an endless loop?"), e.getMessage());
  }

  @Test
  void allocatingFarMoreThanTheInputFails() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Hostile.parse(10, Duration.ofSeconds(10),
        IllegalStateException.class, () -> {
          List<byte[]> kept = new ArrayList<>();
          for (int i = 0; i < 100; i++) { // 100 MiB, as a size trusted from a header would
            kept.add(new byte[1 << 20]);
          }
          return kept.size();
        }));
    assertTrue(e.getMessage().startsWith("allocated "), e.getMessage());
  }
}

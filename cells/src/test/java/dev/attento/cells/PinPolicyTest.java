package dev.attento.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinPolicyTest {

  @Test
  void refusingThrowsOneLineThatSaysHowToOverride() {
    CellRegistryException plain = assertThrows(CellRegistryException.class, () -> PinPolicy.refuse().mismatch("jar x differs"));
    assertEquals("jar x differs; refusing to load it", plain.getMessage());
    CellRegistryException hinted = assertThrows(CellRegistryException.class,
        () -> PinPolicy.refuse("--accept-changed-plugins").mismatch("jar x differs"));
    assertEquals("jar x differs; refusing to load it (--accept-changed-plugins loads it anyway)", hinted.getMessage());
    assertTrue(PinPolicy.refuse().refuses());
  }

  @Test
  void loadingAnywayWarnsOnceAndGoesOn() {
    List<String> warnings = new ArrayList<>();
    PinPolicy policy = PinPolicy.loadAnyway(warnings::add);
    assertFalse(policy.refuses());
    policy.mismatch("jar x differs");
    assertEquals(List.of("jar x differs; loading it anyway, as asked"), warnings);
  }
}

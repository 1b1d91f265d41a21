package dev.attento.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeakMemoryTest {

  @TempDir
  Path dir;

  @Test
  void vmHwmIsReadInBytesAndAnUnknownFormatGivesNothing() throws Exception {
    Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  524288 kB\n");
    assertEquals(OptionalLong.of(512L * 1024 * 1024), PeakMemory.parse(status));
    assertEquals(OptionalLong.empty(), PeakMemory.parse(Files.writeString(dir.resolve("odd"), "VmHWM: lots\n")));
    assertEquals(OptionalLong.empty(), PeakMemory.parse(dir.resolve("missing")));
    if (Files.isReadable(Path.of("/proc/self/status"))) {
      assertTrue(PeakMemory.line().matches("peak memory \\(RSS\\): [0-9,]+ MB"), PeakMemory.line());
    }
  }
}

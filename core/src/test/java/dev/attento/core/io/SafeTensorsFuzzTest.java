package dev.attento.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.tensor.Tensor;
import dev.attento.testkit.Hostile;
import dev.attento.testkit.Mutations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile safetensors files: random bytes and damaged valid files are read completely or
 * rejected with a {@link SafeTensorsException}, in bounded time and memory.
 */
class SafeTensorsFuzzTest {

  private static final byte[] VALID = valid();

  private static byte[] valid() {
    try {
      Path f = Files.createTempFile("valid-", ".safetensors");
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      tensors.put("w", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
      tensors.put("b", Tensor.of(new float[] {7, 8}, 2));
      tensors.put("s", Tensor.scalar(9));
      SafeTensors.write(f, tensors, Map.of("format", "pt"));
      byte[] b = Files.readAllBytes(f);
      Files.delete(f);
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<byte[]> mutated() {
    return Mutations.of(VALID, "{", "}", "[", "]", "\"", ",", ":", "-1", "99999999999", "1e400",
        "18446744073709551616", "2147483647", "\"F64\"", "\"BF16\"", "\"__metadata__\"", "null", "\\u0000");
  }

  @Provide
  Arbitrary<byte[]> random() {
    return Mutations.randomBytes(512);
  }

  private static void check(byte[] content) {
    Hostile.Outcome<SafeTensors.Contents> r = Hostile.parseFile(content, ".safetensors", SafeTensorsException.class,
        SafeTensors::read);
    if (r.value() != null) {
      long bytes = 0;
      for (Tensor t : r.value().tensors().values()) {
        bytes += t.size();
      }
      assertTrue(bytes <= content.length, "more elements than bytes in the file");
    } else {
      assertTrue(r.error().getMessage().startsWith(System.getProperty("java.io.tmpdir")), r.error().getMessage());
    }
  }

  @Property(tries = 400)
  void damagedFilesAreReadOrRejected(@ForAll("mutated") byte[] content) {
    check(content);
  }

  @Property(tries = 200)
  void randomBytesAreRejected(@ForAll("random") byte[] content) {
    check(content);
  }

  @Property(tries = 1)
  void theValidSeedIsRead() {
    Hostile.Outcome<SafeTensors.Contents> r = Hostile.parseFile(VALID, ".safetensors", SafeTensorsException.class,
        SafeTensors::read);
    assertEquals(3, r.value().tensors().size());
  }
}

package dev.attento.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

  @TempDir
  Path dir;

  /** A file with the given header text (not padded) followed by {@code data}. */
  private Path raw(String name, String header, byte[] data) throws Exception {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
    out.write(h);
    out.write(data);
    Path f = dir.resolve(name);
    Files.write(f, out.toByteArray());
    return f;
  }

  private static byte[] floats(float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      b.putFloat(x);
    }
    return b.array();
  }

  @Test
  void roundTripKeepsNamesShapesValuesAndMetadata() throws Exception {
    Map<String, Tensor> in = new LinkedHashMap<>();
    in.put("scalar", Tensor.scalar(3.5f));
    in.put("weight_ih_l0", Tensor.of(new float[] {1, -2, 3, 4, 5, 6}, 2, 3));
    in.put("empty", Tensor.zeros(0, 4));
    in.put("rank4", Tensor.of(new float[16], 2, 2, 2, 2));
    in.put("naïve·name", Tensor.of(new float[] {Float.MIN_VALUE, Float.MAX_VALUE}, 2));
    Path f = dir.resolve("m.safetensors");
    SafeTensors.write(f, in, Map.of("format", "pt", "step", "12"));
    SafeTensors.Contents c = SafeTensors.read(f);
    assertEquals(List.copyOf(in.keySet()).stream().sorted().toList(), c.tensors().keySet().stream().sorted().toList());
    for (var e : in.entrySet()) {
      assertArrayEquals(e.getValue().shape(), c.tensor(e.getKey()).shape(), e.getKey());
      assertArrayEquals(e.getValue().data(), c.tensor(e.getKey()).data(), e.getKey());
    }
    assertEquals(Map.of("format", "pt", "step", "12"), c.metadata());
    long headerLen = ByteBuffer.wrap(Files.readAllBytes(f), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, headerLen % 8, "header padded to 8 bytes");
    assertEquals(8 + headerLen + 4 * (1 + 6 + 16 + 2), Files.size(f));
  }

  @Test
  void writesTheHeaderTheReferenceExpects() throws Exception {
    Path f = dir.resolve("one.safetensors");
    SafeTensors.write(f, Map.of("a", Tensor.of(new float[] {1, 2}, 2)));
    byte[] bytes = Files.readAllBytes(f);
    long len = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    String header = new String(bytes, 8, (int) len, StandardCharsets.UTF_8);
    assertEquals("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", header.trim());
    assertEquals(0, len % 8);
    assertEquals(8 + len + 8, bytes.length);
  }

  @Test
  void readsF64AndI64AsFloat() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    b.putDouble(1.25).putDouble(-3.5).putLong(7).putLong(-9);
    Path f = raw("mixed.safetensors", "{\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
        + "\"i\":{\"dtype\":\"I64\",\"shape\":[2,1],\"data_offsets\":[16,32]}}", b.array());
    SafeTensors.Contents c = SafeTensors.read(f);
    assertArrayEquals(new float[] {1.25f, -3.5f}, c.tensor("d").data());
    assertArrayEquals(new float[] {7, -9}, c.tensor("i").data());
    assertArrayEquals(new int[] {2, 1}, c.tensor("i").shape());
  }

  private void assertRejected(Path f, String... fragments) {
    SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    for (String frag : fragments) {
      assertTrue(e.getMessage().contains(frag), "'" + frag + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void rejectsATruncatedLengthPrefix() throws Exception {
    Path f = dir.resolve("short.safetensors");
    Files.write(f, new byte[] {1, 2, 3});
    assertRejected(f, "too short");
  }

  @Test
  void rejectsAHeaderLengthBeyondTheFile() throws Exception {
    Path f = dir.resolve("long.safetensors");
    Files.write(f, ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
    assertRejected(f, "past the end");
    Path huge = dir.resolve("huge.safetensors");
    Files.write(huge, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE).array());
    assertRejected(huge, "exceeds the limit");
  }

  @Test
  void rejectsInvalidJson() throws Exception {
    assertRejected(raw("json.safetensors", "{\"a\": [", new byte[0]), "not valid JSON");
    assertRejected(raw("array.safetensors", "[1, 2]", new byte[0]), "not a JSON object");
  }

  @Test
  void rejectsAnUnknownDtype() throws Exception {
    assertRejected(raw("dtype.safetensors", "{\"w\":{\"dtype\":\"Q4\",\"shape\":[1],\"data_offsets\":[0,4]}}",
        floats(1)), "tensor 'w'", "unknown dtype 'Q4'");
  }

  @Test
  void rejectsABadShape() throws Exception {
    assertRejected(raw("shape.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}",
        floats(1)), "tensor 'w'", "non-negative");
  }

  @Test
  void rejectsNumbersBeyondTheirRangeInsteadOfOverflowing() throws Exception {
    // found by reasoning over the fuzzer's targets: a product of three valid dimensions overflows
    // a long (multiplyExact threw ArithmeticException), and integers beyond 64 bits were
    // silently truncated by JsonNode.asLong()
    assertRejected(raw("product.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,2147483647],"
        + "\"data_offsets\":[0,4]}}", floats(1)), "too many elements");
    assertRejected(raw("big.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[18446744073709551617],"
        + "\"data_offsets\":[0,4]}}", floats(1)), "must hold non-negative integers");
    assertRejected(raw("offset.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],"
        + "\"data_offsets\":[18446744073709551616,18446744073709551620]}}", floats(1)), "data_offsets");
  }

  @Test
  void rejectsOffsetsOutOfRange() throws Exception {
    assertRejected(raw("range.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
        floats(1)), "tensor 'w'", "run past");
    assertRejected(raw("backwards.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,0]}}",
        floats(1)), "tensor 'w'", "begin <= end");
  }

  @Test
  void rejectsOverlappingOffsets() throws Exception {
    assertRejected(raw("overlap.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", floats(1, 2, 3)), "tensor 'b'", "overlap");
  }

  @Test
  void rejectsHolesAndUncoveredBytes() throws Exception {
    assertRejected(raw("hole.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
        floats(1, 2)), "tensor 'a'", "hole");
    assertRejected(raw("extra.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
        floats(1, 2)), "not covered");
  }

  @Test
  void rejectsAShapeThatDoesNotMatchTheByteCount() throws Exception {
    assertRejected(raw("size.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}",
        floats(1, 2)), "tensor 'w'", "needs 12 bytes");
  }

  @Test
  void rejectsAMissingFile() {
    assertRejected(dir.resolve("nope.safetensors"), "no such file");
  }

  @Test
  void atomicWriteLeavesNoTemporaryFiles() throws Exception {
    Path f = dir.resolve("a.json");
    AtomicFiles.writeString(f, "one");
    AtomicFiles.writeString(f, "two");
    assertEquals("two", Files.readString(f));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
    assertEquals("3fc4ccfe745870e2c0d99f71f30ff0656c8dedd41cc1d7d3d376b0dbe685e2f3", Checksums.sha256(f));
  }
}

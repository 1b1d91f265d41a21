package dev.attento.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attento.core.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (Hugging Face): an 8-byte little-endian header
 * length N, N bytes of JSON mapping each tensor name to {@code dtype}, {@code shape} and
 * {@code data_offsets} (relative to the data buffer) plus an optional {@code __metadata__}
 * string map, then the raw little-endian data. Being this simple is the point: weights move
 * to and from PyTorch without pickles.
 *
 * <p>Reading validates everything before returning anything, as the reference
 * implementation does (header size cap, offsets in range, contiguous and non-overlapping,
 * sizes matching shapes), so a damaged file never yields a partly loaded model.
 */
public final class SafeTensors {

  /** The reference implementation refuses headers above 100 MB; so do we, before allocating. */
  static final long MAX_HEADER = 100_000_000L;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String METADATA = "__metadata__";

  private SafeTensors() {}

  /** The content of a safetensors file. */
  public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {

    /** The named tensor, or an error naming the file's tensors. */
    public Tensor tensor(String name) {
      Tensor t = tensors.get(name);
      if (t == null) {
        throw new SafeTensorsException("no tensor '" + name + "' (have " + tensors.keySet() + ")");
      }
      return t;
    }
  }

  /** Element types Attento reads; all are converted to float32 tensors. */
  private enum DType {
    F32(4), F64(8), I64(8), I32(4), F16(2), BF16(2);

    final int bytes;

    DType(int bytes) {
      this.bytes = bytes;
    }
  }

  private record Entry(String name, DType dtype, int[] shape, long begin, long end) {}

  /** Writes tensors (in the map's order) and metadata as F32, atomically. */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
    ObjectNode header = JSON.createObjectNode();
    if (metadata != null && !metadata.isEmpty()) {
      ObjectNode meta = header.putObject(METADATA);
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      if (e.getKey().equals(METADATA)) {
        throw new IllegalArgumentException("'" + METADATA + "' is reserved and cannot name a tensor");
      }
      ObjectNode n = header.putObject(e.getKey());
      n.put("dtype", "F32");
      var shape = n.putArray("shape");
      for (int d : e.getValue().shape()) {
        shape.add(d);
      }
      long size = 4L * e.getValue().size();
      n.putArray("data_offsets").add(offset).add(offset + size);
      offset += size;
    }
    byte[] json = JSON.writeValueAsBytes(header);
    int padded = (json.length + 7) / 8 * 8; // the reference pads the header with spaces to 8 bytes
    OutputTarget.of(file).write(out -> {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
      out.write(len.array());
      out.write(json);
      for (int i = json.length; i < padded; i++) {
        out.write(' ');
      }
      ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      for (Tensor t : tensors.values()) {
        for (float v : t.data()) {
          if (!chunk.hasRemaining()) {
            out.write(chunk.array(), 0, chunk.position());
            chunk.clear();
          }
          chunk.putFloat(v);
        }
      }
      out.write(chunk.array(), 0, chunk.position());
    });
  }

  /** Writes tensors without metadata. */
  public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
    write(file, tensors, Map.of());
  }

  /**
   * Reads a whole file, converting every tensor to float32.
   *
   * @throws SafeTensorsException naming the file (and tensor) if anything is wrong
   */
  public static Contents read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = ch.size();
      if (fileSize < 8) {
        throw fail(file, "file is " + fileSize + " bytes, too short for the 8-byte header length");
      }
      ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lenBuf, 0, file);
      long headerLen = lenBuf.flip().getLong();
      if (headerLen < 0 || headerLen > MAX_HEADER) {
        throw fail(file, "header length " + Long.toUnsignedString(headerLen) + " exceeds the limit of " + MAX_HEADER);
      }
      if (8 + headerLen > fileSize) {
        throw fail(file, "header length " + headerLen + " runs past the end of the " + fileSize + "-byte file");
      }
      ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
      readFully(ch, headerBuf, 8, file);
      String headerText = new String(headerBuf.array(), StandardCharsets.UTF_8);
      long dataStart = 8 + headerLen;
      long dataSize = fileSize - dataStart;
      Map<String, String> metadata = new LinkedHashMap<>();
      List<Entry> entries = parseHeader(file, headerText, metadata);
      validateLayout(file, entries, dataSize);
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      for (Entry e : entries) {
        tensors.put(e.name(), load(ch, file, e, dataStart));
      }
      return new Contents(Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
    } catch (NoSuchFileException e) {
      throw new SafeTensorsException(file + ": no such file");
    } catch (IOException e) {
      throw new SafeTensorsException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static List<Entry> parseHeader(Path file, String text, Map<String, String> metadata) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw fail(file, "header is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw fail(file, "header is not a JSON object");
    }
    List<Entry> entries = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      JsonNode n = f.getValue();
      if (name.equals(METADATA)) {
        if (!n.isObject()) {
          throw fail(file, "__metadata__ must be an object of strings");
        }
        n.fields().forEachRemaining(m -> {
          if (!m.getValue().isTextual()) {
            throw fail(file, "__metadata__ value '" + m.getKey() + "' is not a string");
          }
          metadata.put(m.getKey(), m.getValue().asText());
        });
        continue;
      }
      entries.add(parseEntry(file, name, n));
    }
    return entries;
  }

  private static Entry parseEntry(Path file, String name, JsonNode n) {
    if (!n.isObject()) {
      throw fail(file, name, "entry is not an object");
    }
    DType dtype;
    try {
      dtype = DType.valueOf(n.path("dtype").asText(""));
    } catch (IllegalArgumentException e) {
      throw fail(file, name, "unknown dtype '" + n.path("dtype").asText("") + "' (supported: F32, F64, F16, BF16, I32, I64)");
    }
    JsonNode shapeNode = n.get("shape");
    if (shapeNode == null || !shapeNode.isArray()) {
      throw fail(file, name, "shape is not a list");
    }
    int[] shape = new int[shapeNode.size()];
    long elements = 1;
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = shapeNode.get(i);
      if (!d.isIntegralNumber() || !d.canConvertToInt() || d.asInt() < 0) { // asLong() would truncate 2^64+1 to 1
        throw fail(file, name, "shape " + shapeNode + " must hold non-negative integers");
      }
      shape[i] = d.asInt();
      elements *= shape[i]; // both factors < 2^31: no overflow before the check
      if (elements > Integer.MAX_VALUE) {
        throw fail(file, name, "shape " + shapeNode + " has too many elements for one tensor");
      }
    }
    JsonNode off = n.get("data_offsets");
    if (off == null || !off.isArray() || off.size() != 2 || !isLong(off.get(0)) || !isLong(off.get(1))
        || off.get(0).asLong() < 0 || off.get(0).asLong() > off.get(1).asLong()) {
      throw fail(file, name, "data_offsets " + off + " must be [begin, end] with 0 <= begin <= end");
    }
    long begin = off.get(0).asLong();
    long end = off.get(1).asLong();
    if (end - begin != elements * dtype.bytes) {
      throw fail(file, name, "shape " + shapeNode + " of " + dtype + " needs " + elements * dtype.bytes
          + " bytes but data_offsets span " + (end - begin));
    }
    return new Entry(name, dtype, shape, begin, end);
  }

  private static boolean isLong(JsonNode n) {
    return n.isIntegralNumber() && n.canConvertToLong();
  }

  /** Offsets must tile the data buffer exactly: in range, no overlap, no hole. */
  private static void validateLayout(Path file, List<Entry> entries, long dataSize) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    long expected = 0;
    for (Entry e : sorted) {
      if (e.end() > dataSize) {
        throw fail(file, e.name(), "data_offsets [" + e.begin() + ", " + e.end() + "] run past the "
            + dataSize + "-byte data buffer (truncated file?)");
      }
      if (e.begin() < expected) {
        throw fail(file, e.name(), "data_offsets [" + e.begin() + ", " + e.end() + "] overlap another tensor");
      }
      if (e.begin() > expected) {
        throw fail(file, e.name(), "hole in the data buffer before offset " + e.begin());
      }
      expected = e.end();
    }
    if (expected != dataSize) {
      throw fail(file, "data buffer has " + (dataSize - expected) + " bytes not covered by any tensor");
    }
  }

  private static Tensor load(FileChannel ch, Path file, Entry e, long dataStart) throws IOException {
    int count = (int) ((e.end() - e.begin()) / e.dtype().bytes);
    ByteBuffer buf = ByteBuffer.allocate((int) (e.end() - e.begin())).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, buf, dataStart + e.begin(), file);
    buf.flip();
    float[] d = new float[count];
    for (int i = 0; i < count; i++) {
      d[i] = switch (e.dtype()) {
        case F32 -> buf.getFloat();
        case F64 -> (float) buf.getDouble();
        case I64 -> (float) buf.getLong();
        case I32 -> (float) buf.getInt();
        case F16 -> Float16.toFloat(buf.getShort());
        case BF16 -> Float.intBitsToFloat((buf.getShort() & 0xffff) << 16);
      };
    }
    return Tensor.of(d, e.shape());
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long position, Path file) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw fail(file, "unexpected end of file at byte " + pos);
      }
      pos += n;
    }
  }

  private static SafeTensorsException fail(Path file, String message) {
    return new SafeTensorsException(file + ": " + message);
  }

  private static SafeTensorsException fail(Path file, String tensor, String message) {
    return new SafeTensorsException(file + ": tensor '" + tensor + "': " + message);
  }
}

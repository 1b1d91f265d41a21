package dev.attento.spark.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * What one worker contributes to an exchange, as the text {@code BarrierTaskContext.allGather}
 * carries: a few numbers about its recent steps and a flat float vector (gradients or
 * parameters), encoded compactly as base64 of little-endian bytes (4 bytes a float, 4/3 of
 * that as text).
 *
 * @param partition the sender's partition id (the order in which contributions are summed)
 * @param tokens target tokens the contribution covers (its weight in a gradient average)
 * @param lossSum the sum of per-token losses over those tokens (NaN if one was not finite)
 * @param skipped batches the sender skipped since the last exchange (non-finite loss or gradient)
 * @param values the vector
 */
record WorkerMessage(int partition, double tokens, double lossSum, int skipped, float[] values) {

  private static final int HEADER_BYTES = Integer.BYTES + 2 * Double.BYTES + 2 * Integer.BYTES;

  /** The message as base64 text. */
  String encode() {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + Float.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(partition).putDouble(tokens).putDouble(lossSum).putInt(skipped).putInt(values.length);
    b.asFloatBuffer().put(values);
    return Base64.getEncoder().encodeToString(b.array());
  }

  /** Reads a message {@link #encode} wrote. */
  static WorkerMessage decode(String text) {
    ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
    int partition = b.getInt();
    double tokens = b.getDouble();
    double lossSum = b.getDouble();
    int skipped = b.getInt();
    int n = b.getInt();
    if (n != b.remaining() / Float.BYTES) {
      throw new IllegalStateException("a worker message announces " + n + " floats but holds " + b.remaining() / Float.BYTES);
    }
    float[] values = new float[n];
    b.asFloatBuffer().get(values);
    return new WorkerMessage(partition, tokens, lossSum, skipped, values);
  }
}

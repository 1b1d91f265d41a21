package dev.attento.serve.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body of at most a given size, whatever its Content-Length claims. */
final class BoundedBody {

  private BoundedBody() {}

  /**
   * Reads the body.
   *
   * @param declaredLength the Content-Length, or -1 if absent (chunked)
   * @throws ApiException 413 if the body is, or claims to be, larger than {@code max}
   */
  static byte[] read(InputStream in, long declaredLength, long max) throws IOException {
    if (declaredLength > max) {
      throw tooLarge(max);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 256), max));
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      if (out.size() + n > max) {
        throw tooLarge(max);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static ApiException tooLarge(long max) {
    return new ApiException(413, "request body larger than " + max + " bytes (maxBodyBytes)", null);
  }
}

package dev.attento.serve.web;

/**
 * A picture the page shows next to the translations, e.g. the quality-by-length chart of the
 * {@code attento compare} run that the served models come from. Held in memory: requests name
 * a figure by its {@code name}, never by a path.
 *
 * @param name how {@code /v1/figures/NAME} serves it: letters, digits, {@code . _ -}
 * @param title what the page says above it
 * @param png the picture, PNG-encoded
 */
public record Figure(String name, String title, byte[] png) {

  /** Checks the name and copies the bytes. */
  public Figure {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("a figure name must be 1-64 letters, digits, '.', '_' or '-', got " + name);
    }
    png = png.clone();
  }
}

package dev.attento.cells;

import dev.attento.cells.spi.CellProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a plugin built for one cell SPI version loads in this Attento: same major version,
 * and a minor version no newer than this one's (see {@link CellProvider} for the promise).
 */
final class SpiCompatibility {

  private static final Pattern VERSION = Pattern.compile("^(\\d{1,6})\\.(\\d{1,6})$");
  /** What a jar that declares no version was built for: the SPI before versions were declared. */
  static final String UNDECLARED = "1.0";

  private SpiCompatibility() {}

  /**
   * Why a jar declaring {@code declared} (null: none) cannot load in an Attento of SPI
   * {@code provided}, or null if it can.
   */
  static String problem(String declared, String provided) {
    String version = declared == null ? UNDECLARED : declared.trim();
    Matcher d = VERSION.matcher(version);
    Matcher p = VERSION.matcher(provided);
    if (!p.matches()) {
      throw new IllegalStateException("SPI_VERSION " + provided + " is not MAJOR.MINOR");
    }
    if (!d.matches()) {
      return "declares cell SPI version '" + version + "' in its manifest (" + CellProvider.SPI_VERSION_ATTRIBUTE
          + "), which is not MAJOR.MINOR; refused";
    }
    int major = Integer.parseInt(p.group(1));
    int minor = Integer.parseInt(p.group(2));
    int dMajor = Integer.parseInt(d.group(1));
    int dMinor = Integer.parseInt(d.group(2));
    if (dMajor == major && dMinor <= minor) {
      return null;
    }
    return "built for cell SPI " + version + (declared == null ? " (it declares no " + CellProvider.SPI_VERSION_ATTRIBUTE
        + ")" : "") + "; this Attento has SPI " + provided + ", which loads plugins built for " + major + ".0 to "
        + provided + "; refused";
  }
}

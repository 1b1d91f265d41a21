package dev.attento.spark.translate;

import dev.attento.seq2seq.bundle.ModelFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkFiles;

/**
 * Where an executor finds a trained run. A location is, in this order of lookup:
 * <ol>
 *   <li>a Hadoop URI with a scheme other than {@code file} ({@code hdfs://…/run},
 *       {@code s3a://…/run}): copied once to a local temporary directory;
 *   <li>a local path that exists on the executor (shared storage such as NFS, or local mode);
 *   <li>a name that Spark shipped with the job: {@code --archives run.zip#run} (any cluster
 *       manager) unpacks the run as {@code run} in every executor's {@link SparkFiles} root.
 * </ol>
 */
public final class ModelLocation {

  private ModelLocation() {}

  /** The local directory holding the run named by {@code location}. */
  public static Path resolve(String location) {
    if (isRemote(location)) {
      return copyToLocal(location);
    }
    return findLocal(location);
  }

  /**
   * Checks, on the driver before any task starts, that a location that is not a Hadoop URI
   * names a local path or a file shipped with the job (archives are unpacked on the driver
   * too), so that a mistyped run fails with one line rather than in every task.
   */
  public static void check(String location) {
    if (!isRemote(location)) {
      findLocal(location);
    }
  }

  /** A URI with a scheme other than {@code file:} (a Windows drive letter is no scheme). */
  private static boolean isRemote(String location) {
    return location.matches("[A-Za-z][A-Za-z0-9+.-]+://.*") && !location.startsWith("file:");
  }

  private static Path findLocal(String location) {
    Path local = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    if (Files.exists(local)) {
      return local;
    }
    Path shipped = Path.of(SparkFiles.get(location));
    if (Files.exists(shipped)) {
      return shipped;
    }
    throw new ModelFileException("model " + location
        + " is neither a path on this machine nor shipped with the job (--archives run.zip#" + location + ")");
  }

  private static Path copyToLocal(String location) {
    try {
      Path target = Files.createTempDirectory("attento-model");
      org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(location);
      FileSystem fs = source.getFileSystem(new Configuration());
      fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(target.toUri()), true);
      return target.resolve(source.getName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the model from " + location, e);
    }
  }
}

package dev.attento.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@code local[2]} Spark session, one for the whole test run (starting Spark
 * takes seconds), kept in JUnit's root store and stopped when the run ends.
 */
public final class LocalSpark implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Session.class, k -> new Session(), Session.class).spark;
  }

  /** The session, stopped when JUnit closes the root store. */
  private static final class Session implements ExtensionContext.Store.CloseableResource {
    final SparkSession spark = SparkSession.builder().master("local[2]").appName("attento-spark-tests")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();

    @Override
    public void close() {
      spark.stop();
    }
  }
}

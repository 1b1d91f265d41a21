package dev.attento.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@code local[2]} Spark session, one for the whole test run (starting Spark
 * takes seconds), kept in JUnit's root store and stopped when the run ends. On Java 24 and
 * later the tests are skipped: Spark 4.0 supports Java 17 and 21, and its Hadoop client calls
 * {@code Subject.getSubject}, which Java 24 removed ("getSubject is not supported").
 */
public final class LocalSpark implements ParameterResolver, ExecutionCondition {

  /** The newest Java that Spark 4.0 runs on. */
  static final int NEWEST_SUPPORTED_JAVA = 23;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    int java = Runtime.version().feature();
    return java <= NEWEST_SUPPORTED_JAVA ? ConditionEvaluationResult.enabled("Java " + java)
        : ConditionEvaluationResult.disabled("Spark 4.0 does not run on Java " + java
            + " (its Hadoop client needs Subject.getSubject); run these tests on Java 17 or 21");
  }

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

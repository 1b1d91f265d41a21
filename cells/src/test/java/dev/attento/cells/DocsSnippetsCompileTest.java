package dev.attento.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.fused.GateFunction;
import dev.attento.cells.kit.CellConformance;
import dev.attento.cells.kit.GateFunctionCheck;
import dev.attento.cells.spi.CellProvider;
import dev.attento.core.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of docs/plugins.md compile against the current API, and the fast-path
 * example (a gate function and its provider) passes the gate check and the cell kit. Each is marked by the
 * comment before it: {@code statements} (all of them, in order, one method with {@code spec},
 * {@code hidden} and {@code input} in scope), {@code class} (top-level classes, compiled together), {@code member} (members of a
 * cell with {@code parameters} and {@code bound} fields) or {@code test} (a JUnit method).
 */
class DocsSnippetsCompileTest {

  private static final Pattern SNIPPET =
      Pattern.compile("<!-- compile: (\\w+) \\(DocsSnippetsCompileTest\\) -->\\n```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("^(?:public )?(?:abstract )?(?:final )?class (\\w+)",
      Pattern.MULTILINE);
  private static final String IMPORTS = """
      import dev.attento.cells.fused.*;
      import dev.attento.cells.kit.*;
      import dev.attento.cells.spi.*;
      import dev.attento.core.init.*;
      import dev.attento.core.kernels.Nonlinear;
      import dev.attento.core.ops.*;
      import dev.attento.core.tensor.Tensor;
      import java.util.*;
      import org.junit.jupiter.api.Test;
      """;

  @TempDir
  Path dir;

  @Test
  void everySnippetOfThePluginGuideCompilesAndTheGateFunctionExampleIsCorrect() throws Exception {
    String guide = Files.readString(Path.of("..", "docs", "plugins.md"));
    Matcher m = SNIPPET.matcher(guide);
    List<String> files = new ArrayList<>();
    // The provider snippet builds an IndRnnCell, whose listing is the example module, not the guide.
    files.add(write("IndRnnCell", """
        class IndRnnCell implements RecurrentCell {
          IndRnnCell(CellSpec spec) {}
          public int inputSize() { return 0; }
          public int hiddenSize() { return 0; }
          public Map<String, Tensor> parameters() { return Map.of(); }
          public CellState initialState(int batch) { return null; }
          public CellState step(Forward fwd, Tensor x, CellState state) { return state; }
        }
        """));
    StringBuilder statements = new StringBuilder();
    int n = 0;
    while (m.find()) {
      String body = m.group(2);
      String source = switch (m.group(1)) {
        case "statements" -> {
          statements.append(body);
          yield null;
        }
        case "class" -> body;
        case "member" -> "abstract class Snippet" + n + " implements RecurrentCell {\n"
            + "  Map<String, Tensor> parameters; float bound;\n" + body + "}";
        case "test" -> "class Snippet" + n + " {\n" + body.replaceAll("(?m)^import .*$", "") + "}";
        default -> throw new AssertionError("unknown snippet kind " + m.group(1));
      };
      if (source != null) {
        Matcher declared = CLASS_NAME.matcher(source);
        files.add(write(declared.find() ? declared.group(1) : "Snippet" + n, source));
      }
      n++;
    }
    files.add(write("Statements", "class Statements { void run(CellSpec spec, int hidden, int input) {\n"
        + statements + "} }"));
    assertEquals(9, n, "snippets found in docs/plugins.md");
    List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-classpath",
        PluginJars.classPath(List.of(CellProvider.class, Tensor.class, UniformRandomProvider.class, Test.class))));
    args.addAll(files);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, errors, args.toArray(new String[0]));
    assertTrue(rc == 0, "docs/plugins.md snippets do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
    // The fast-path example is complete: its gate function and its cell pass the kit.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
        getClass().getClassLoader())) {
      GateFunctionCheck.check((GateFunction) construct(loader, "CifgGates")).assertPassed();
      CellConformance.check((CellProvider) construct(loader, "CifgProvider")).assertPassed();
    }
  }

  private static Object construct(ClassLoader loader, String className) throws Exception {
    Constructor<?> c = loader.loadClass(className).getDeclaredConstructor();
    c.setAccessible(true);
    return c.newInstance();
  }

  private String write(String name, String body) throws Exception {
    Path file = dir.resolve("src").resolve(name + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, IMPORTS + body);
    return file.toString();
  }
}

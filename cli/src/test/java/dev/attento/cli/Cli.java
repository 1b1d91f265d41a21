package dev.attento.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it prints. */
final class Cli {

  /** Exit code, standard output and standard error of one run. */
  record Result(int code, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    return runWithInput(null, args);
  }

  static Result runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    InputStream original = System.in;
    try {
      if (stdin != null) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      }
      int code = cl.execute(args);
      return new Result(code, out.toString(), err.toString());
    } finally {
      System.setIn(original);
    }
  }
}

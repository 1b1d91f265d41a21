package dev.attento.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Prints a bash/zsh completion script: {@code source <(attento completion)}. */
@Command(name = "completion", description = "Print a bash/zsh completion script (source <(attento completion)).")
final class CompletionCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    CommandLine root = spec.root().commandLine();
    spec.commandLine().getOut().print(AutoComplete.bash("attento", root));
    spec.commandLine().getOut().flush();
  }
}

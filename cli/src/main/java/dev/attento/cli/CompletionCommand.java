package dev.attento.cli;

import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Prints a bash/zsh completion script: {@code source <(attento completion)}. It registers the
 * name {@code attento} (which bash also uses for {@code ./attento} and {@code /any/path/attento})
 * and the name the launcher was invoked by, when that differs (a symlink named otherwise).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a bash/zsh completion script.",
        "This shell: source <(attento completion)",
        "Every shell: echo 'source <(attento completion)' >> ~/.bashrc"})
final class CompletionCommand implements Runnable {

  /** Set by the launcher to the name it was run as. */
  static final String INVOKED_AS = "attento.command";

  /** A name safe to put in a sourced script: no spaces, quotes, $ or ;. */
  private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9._+-]+");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    CommandLine root = spec.root().commandLine();
    var out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("attento", root));
    String invoked = System.getProperty(INVOKED_AS, "attento");
    if (!invoked.equals("attento") && COMMAND_NAME.matcher(invoked).matches()) {
      out.println("complete -F _complete_attento -o default " + invoked);
    }
    out.flush();
  }
}

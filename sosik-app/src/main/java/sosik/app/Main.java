package sosik.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code sosik} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.setOut(out);
    System.setErr(err);
    boolean tty = System.console() != null && System.getenv("NO_COLOR") == null;
    System.exit(run(args, new PrintWriter(out, true), new PrintWriter(err, true), tty));
  }

  /** Runs one command line; returns the exit code (see {@link ExitCodes}). */
  public static int run(String[] args, PrintWriter out, PrintWriter err, boolean tty) {
    CommandLine cl = commandLine(out, err, tty);
    return cl.execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean tty) {
    Console console = new Console(out, err, tty);
    CommandLine cl = new CommandLine(new SosikCommand(), new CommandFactory(console));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // a query word may start with '-' (an exclusion: sosik search 반도체 -배터리); SearchCommand
    // itself refuses words that start with '--', which can only be a mistyped option
    cl.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
    cl.setExecutionExceptionHandler(new ErrorHandler(console));
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("sosik: " + ex.getMessage());
      CommandLine c = ex.getCommandLine();
      err.println("usage: " + c.getHelp().synopsis(0).strip());
      err.println("(see 'sosik " + (c.getParent() == null ? "" : c.getCommandName() + " ") + "--help')");
      return ExitCodes.USAGE;
    });
    return cl;
  }

  /** Gives every command the shared {@link Console}. */
  private record CommandFactory(Console console) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (ConsoleAware.class.isAssignableFrom(cls)) {
        K k = CommandLine.defaultFactory().create(cls);
        ((ConsoleAware) k).console(console);
        return k;
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}

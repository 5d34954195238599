package sosik.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import sosik.search.InvalidQueryException;

/** Turns failures into one clear line and an exit code; a stack trace only with SOSIK_DEBUG=1. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private final Console console;

  ErrorHandler(Console console) {
    this.console = console;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    if ("1".equals(System.getenv("SOSIK_DEBUG"))) {
      ex.printStackTrace(console.err());
    }
    if (ex instanceof InvalidQueryException || ex instanceof IllegalArgumentException) {
      console.error(ex.getMessage());
      return ExitCodes.USAGE;
    }
    Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    if (t instanceof IOException io) {
      console.error(describe(io));
      return ExitCodes.FAILURE;
    }
    console.error("internal error: " + t + " (run with SOSIK_DEBUG=1 for details)");
    return ExitCodes.FAILURE;
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + m;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + m;
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    return m == null ? e.toString() : m;
  }
}

package sosik.app;

import java.io.PrintWriter;

/** Where commands print: results to {@code out}, progress and problems to {@code err}. */
public record Console(PrintWriter out, PrintWriter err, boolean tty) {
  public void error(String message) {
    err.println("sosik: " + message);
    err.flush();
  }

  public void warn(String message) {
    err.println("sosik: warning: " + message);
    err.flush();
  }
}

package sosik.app;

/** What {@code sosik} exits with. Documented in the README. */
public final class ExitCodes {
  /** Everything done. */
  public static final int OK = 0;
  /** Failed: nothing (more) was done — missing index, I/O error, index in use. */
  public static final int FAILURE = 1;
  /** The command line or the query is wrong: bad option, invalid query. */
  public static final int USAGE = 2;
  /** Partly done: some articles or files were rejected, the rest were indexed. */
  public static final int PARTIAL = 3;

  private ExitCodes() {}
}

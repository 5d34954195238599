package sosik.search;

import java.time.Duration;

/** A search ran past its time limit; no partial (inexact) page is returned. */
public final class SearchTimeoutException extends RuntimeException {
  public SearchTimeoutException(Duration limit) {
    super("the search took longer than " + limit.toMillis() + " ms and was stopped; narrow the query or the period");
  }
}

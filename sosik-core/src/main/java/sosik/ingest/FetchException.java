package sosik.ingest;

import java.net.URI;

/** A URL that could not be fetched; {@link #problem()} says why, {@link #getMessage()} names the URL too. */
public final class FetchException extends Exception {
  private final URI uri;
  private final String problem;

  public FetchException(URI uri, String problem) {
    super(uri + ": " + problem);
    this.uri = uri;
    this.problem = problem;
  }

  /** The URL that was asked for. */
  public URI uri() {
    return uri;
  }

  /** What went wrong, without the URL: {@code HTTP 404 Not Found}, {@code timed out: …}. */
  public String problem() {
    return problem;
  }
}

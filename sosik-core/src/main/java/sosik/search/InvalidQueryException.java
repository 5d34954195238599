package sosik.search;

/** A query or search option the user must change; the message says what and why. */
public final class InvalidQueryException extends IllegalArgumentException {
  public InvalidQueryException(String message) {
    super(message);
  }
}

package sosik.app.server;

/** An error answered to the client as JSON with a stable code. */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;

  public ApiError(int status, String code, String field, String message) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  static ApiError badParameter(String field, String message) {
    return new ApiError(400, "bad_parameter", field, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "not_found", null, message);
  }
}

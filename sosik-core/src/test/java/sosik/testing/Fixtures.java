package sosik.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Hand-written test files under {@code src/test/resources/fixtures/}. */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture at {@code fixtures/<name>}, e.g. {@code jsonl/missing_title.jsonl}. */
  public static Path path(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture fixtures/" + name + " on the test class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

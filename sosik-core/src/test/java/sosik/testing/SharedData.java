package sosik.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real public data beside the repository ({@code ../shared}), read where it lies and never
 * copied into the repository.
 *
 * <p>The directory comes from the system property {@code sosik.shared} (surefire sets it to {@code
 * ${maven.multiModuleProjectDirectory}/../shared}), else {@code ../shared} or {@code ../../shared}
 * from the working directory. When it is missing, a test that needs it fails on CI (environment
 * variable {@code CI} set) and is skipped elsewhere.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared directory (the one holding {@code data/}). */
  public static Path dir() {
    List<Path> tried = new ArrayList<>();
    String property = System.getProperty("sosik.shared");
    if (property != null && !property.isBlank() && !property.contains("${")) {
      tried.add(Path.of(property));
    }
    tried.add(Path.of("..", "shared"));
    tried.add(Path.of("..", "..", "shared"));
    for (Path p : tried) {
      if (Files.isDirectory(p.resolve("data"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    missing("the shared data directory was not found; tried "
        + tried.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()
        + " (set -Dsosik.shared=DIR)");
    throw new AssertionError("unreachable");
  }

  /** A file under the shared directory, e.g. {@code data/seed/000_ba129f0fc67865b7.txt}. */
  public static Path file(String relative) {
    Path f = dir().resolve(relative);
    if (!Files.isRegularFile(f)) {
      missing("shared data file " + f + " is missing");
    }
    return f;
  }

  private static void missing(String why) {
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank()) {
      fail(why);
    }
    Assumptions.assumeTrue(false, why);
  }
}

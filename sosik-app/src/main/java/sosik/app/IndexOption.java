package sosik.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --index DIR}, shared by every command that opens an index. */
public final class IndexOption {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index directory (default: $SOSIK_INDEX, else $XDG_DATA_HOME/sosik/index, else ~/.local/share/sosik/index).")
  Path index;

  public Path dir() {
    return index != null ? index : defaultDir();
  }

  public static Path defaultDir() {
    String env = System.getenv("SOSIK_INDEX");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("sosik").resolve("index");
  }
}

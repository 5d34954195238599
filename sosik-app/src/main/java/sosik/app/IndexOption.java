package sosik.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import sosik.index.NewsIndex;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.opensearch.OpenSearchNewsIndex;

/**
 * {@code --index DIR}, shared by every command that opens an index, and the backend options: the
 * embedded index in DIR (the default) or an index on an OpenSearch cluster.
 */
public final class IndexOption {
  /** Where the articles live. */
  public enum Backend {
    /** A Lucene index on local disk ({@code --index DIR}). */
    EMBEDDED,
    /** An OpenSearch 2.19 cluster with Sosik's analysis plugin ({@code --opensearch-url}). */
    OPENSEARCH;

    public static final Backend DEFAULT = EMBEDDED;
  }

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description = "embedded (a Lucene index in --index DIR) or opensearch (an index on the cluster at --opensearch-url; default: "
          + "$SOSIK_BACKEND, else embedded).")
  Backend backend;

  @Option(
      names = "--opensearch-url",
      paramLabel = "URL",
      description = "OpenSearch node(s), comma separated, for --backend opensearch (default: $SOSIK_OPENSEARCH_URL, else http://127.0.0.1:9200).")
  String opensearchUrl;

  @Option(
      names = "--opensearch-index",
      paramLabel = "NAME",
      description = "The index on the cluster (default: $SOSIK_OPENSEARCH_INDEX, else sosik).")
  String opensearchIndex;

  public Backend backend() {
    if (backend != null) {
      return backend;
    }
    String env = System.getenv("SOSIK_BACKEND");
    if (env != null && !env.isBlank()) {
      try {
        return Backend.valueOf(env.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("$SOSIK_BACKEND '" + env + "' is not one of embedded, opensearch");
      }
    }
    return Backend.DEFAULT;
  }

  public String opensearchUrl() {
    if (opensearchUrl != null && !opensearchUrl.isBlank()) {
      return opensearchUrl.strip();
    }
    String env = System.getenv("SOSIK_OPENSEARCH_URL");
    return env != null && !env.isBlank() ? env.strip() : "http://127.0.0.1:9200";
  }

  public String opensearchIndex() {
    if (opensearchIndex != null && !opensearchIndex.isBlank()) {
      return opensearchIndex.strip();
    }
    String env = System.getenv("SOSIK_OPENSEARCH_INDEX");
    return env != null && !env.isBlank() ? env.strip() : OpenSearchNewsIndex.DEFAULT_INDEX;
  }

  /** Where the index is, as messages name it: the directory, or the cluster URL and index. */
  public String location() {
    return location(backend());
  }

  public String location(Backend b) {
    return b == Backend.EMBEDDED ? dir().toString() : opensearchUrl() + "/" + opensearchIndex();
  }

  /**
   * Opens the index: for writing (created when missing) or for searching only. {@code warnings}
   * receives what the user should know (an index built with another dictionary).
   */
  public NewsIndex open(boolean write, java.util.function.Consumer<String> warnings) throws IOException {
    if (backend() == Backend.OPENSEARCH && index != null) {
      throw new IllegalArgumentException("--index is for the embedded backend; with --backend opensearch use --opensearch-index");
    }
    if (backend() == Backend.EMBEDDED && (opensearchUrl != null || opensearchIndex != null)) {
      throw new IllegalArgumentException("--opensearch-url and --opensearch-index need --backend opensearch");
    }
    return open(backend(), write, warnings);
  }

  /** Opens the index of backend {@code b} where the options say, whatever {@code --backend} is. */
  public NewsIndex open(Backend b, boolean write, java.util.function.Consumer<String> warnings) throws IOException {
    return open(b, write, warnings, List.of());
  }

  /**
   * As {@link #open(Backend, boolean, java.util.function.Consumer)}; an index created now gets
   * {@code userEntries} as its user dictionary (an existing one keeps its own).
   */
  public NewsIndex open(Backend b, boolean write, java.util.function.Consumer<String> warnings, List<String> userEntries)
      throws IOException {
    if (b == Backend.OPENSEARCH) {
      return OpenSearchNewsIndex.open(opensearchUrl(), opensearchIndex(), write, userEntries);
    }
    if (write && !userEntries.isEmpty() && !LuceneNewsIndex.exists(dir())) {
      java.nio.file.Files.createDirectories(dir());
      java.nio.file.Path f = dir().resolve(LuceneNewsIndex.USER_DICTIONARY);
      if (!java.nio.file.Files.exists(f)) {
        java.nio.file.Files.writeString(f, String.join("\n", userEntries) + "\n");
      }
    }
    LuceneNewsIndex idx = LuceneNewsIndex.open(dir(), write ? LuceneNewsIndex.Mode.WRITE : LuceneNewsIndex.Mode.READ_ONLY);
    if (idx.staleWarning() != null) {
      warnings.accept(idx.staleWarning());
    }
    return idx;
  }

  /** Fails clearly for a command that works on the embedded index only. */
  public void requireEmbedded(String command) {
    if (backend() != Backend.EMBEDDED) {
      throw new IllegalArgumentException("'sosik " + command + "' works on the embedded index only; see docs/OPERATIONS.md for OpenSearch");
    }
  }
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

package sosik.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The source formats Sosik reads, by name and by file name. */
public final class Formats {
  private static final Map<String, ArticleReader> BY_NAME = new LinkedHashMap<>();

  static {
    register(new ListingReader());
    register(new JsonLinesReader());
    // real Korean data sets, read only when named with --format (see docs/FORMATS.md)
    register(new CompanyTsvReader());
    register(new SoynlpLinesReader());
    register(new SciNewsJsonReader());
    register(new YnatHeadlinesReader());
  }

  private Formats() {}

  private static void register(ArticleReader r) {
    BY_NAME.put(r.name(), r);
  }

  public static Iterable<String> names() {
    return BY_NAME.keySet();
  }

  /** The reader named {@code name}; an error listing the known names otherwise. */
  public static ArticleReader byName(String name) {
    ArticleReader r = BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (r == null) {
      throw new IllegalArgumentException("unknown format '" + name + "'; known formats: " + String.join(", ", BY_NAME.keySet()));
    }
    return r;
  }

  /** The reader for a file by its extension: {@code .jsonl}/{@code .ndjson} JSON Lines, {@code .txt} listing. */
  public static ArticleReader forFile(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return BY_NAME.get("jsonl");
    }
    if (n.endsWith(".txt")) {
      return BY_NAME.get("listing");
    }
    return null;
  }
}

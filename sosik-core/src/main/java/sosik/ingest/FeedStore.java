package sosik.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The feeds an index polls and what Sosik remembers of each (its {@code ETag} and {@code
 * Last-Modified}, the items already taken, failures), kept in {@code feeds.json} beside the index.
 * Saved by writing a new file and moving it over the old one, so a crash leaves one or the other.
 */
public final class FeedStore {
  /** The file in the index directory. */
  public static final String FILE = "feeds.json";
  /** Items remembered per feed; a feed lists far fewer at a time. */
  static final int MAX_SEEN = 5_000;
  public static final Duration DEFAULT_EVERY = Duration.ofMinutes(10);
  public static final Duration MIN_EVERY = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  /** One feed and what is known of it. */
  public static final class Feed {
    private final String url;
    Duration every;
    String etag;
    String lastModified;
    Instant lastPolled;
    Instant nextPoll;
    int failures;
    String lastError;
    long articles;
    final Deque<String> seen = new ArrayDeque<>();
    final Set<String> seenSet = new LinkedHashSet<>();

    Feed(String url, Duration every) {
      this.url = url;
      this.every = every;
    }

    public String url() {
      return url;
    }

    public Duration every() {
      return every;
    }

    public Optional<String> etag() {
      return Optional.ofNullable(etag);
    }

    public Optional<String> lastModified() {
      return Optional.ofNullable(lastModified);
    }

    public Optional<Instant> lastPolled() {
      return Optional.ofNullable(lastPolled);
    }

    /** When the feed is next due; null: at once. */
    public Optional<Instant> nextPoll() {
      return Optional.ofNullable(nextPoll);
    }

    /** Failed polls in a row. */
    public int failures() {
      return failures;
    }

    public Optional<String> lastError() {
      return Optional.ofNullable(lastError);
    }

    /** Articles taken from this feed so far. */
    public long articles() {
      return articles;
    }

    boolean due(Instant now) {
      return nextPoll == null || !nextPoll.isAfter(now);
    }

    boolean seen(String key) {
      return seenSet.contains(key);
    }

    void see(String key) {
      if (seenSet.add(key)) {
        seen.addLast(key);
        while (seen.size() > MAX_SEEN) {
          seenSet.remove(seen.removeFirst());
        }
      }
    }
  }

  private final Path file;
  private final List<Feed> feeds = new ArrayList<>();

  private FeedStore(Path file) {
    this.file = file;
  }

  /** The feeds of the index in {@code indexDir}; none when it has no {@value #FILE}. */
  public static FeedStore load(Path indexDir) throws IOException {
    FeedStore s = new FeedStore(indexDir.resolve(FILE));
    if (!Files.exists(s.file)) {
      return s;
    }
    JsonNode root;
    try {
      root = JSON.readTree(s.file.toFile());
    } catch (IOException e) {
      throw new IOException(s.file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    for (JsonNode n : root.path("feeds")) {
      String url = n.path("url").asText(null);
      if (url == null) {
        throw new IOException(s.file + ": a feed without 'url'");
      }
      Feed f = new Feed(url, Duration.ofSeconds(Math.max(MIN_EVERY.toSeconds(), n.path("every_seconds").asLong(DEFAULT_EVERY.toSeconds()))));
      f.etag = n.path("etag").asText(null);
      f.lastModified = n.path("last_modified").asText(null);
      f.lastPolled = instant(n.path("last_polled").asText(null));
      f.nextPoll = instant(n.path("next_poll").asText(null));
      f.failures = n.path("failures").asInt(0);
      f.lastError = n.path("last_error").asText(null);
      f.articles = n.path("articles").asLong(0);
      for (JsonNode k : n.path("seen")) {
        f.see(k.asText());
      }
      s.feeds.add(f);
    }
    return s;
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }

  public Path file() {
    return file;
  }

  public List<Feed> feeds() {
    return Collections.unmodifiableList(feeds);
  }

  public Optional<Feed> get(String url) {
    String key = normal(url);
    return feeds.stream().filter(f -> normal(f.url).equals(key)).findFirst();
  }

  /**
   * Adds a feed polled every {@code every}, or changes how often an existing one is polled; the
   * URL must be http(s). Returns the feed.
   */
  public Feed add(String url, Duration every) {
    String u = url.strip();
    check(u);
    if (every.compareTo(MIN_EVERY) < 0) {
      throw new IllegalArgumentException("a feed is polled at most every " + MIN_EVERY.toSeconds() + " s, not every " + every);
    }
    Optional<Feed> existing = get(u);
    if (existing.isPresent()) {
      existing.get().every = every;
      return existing.get();
    }
    Feed f = new Feed(u, every);
    feeds.add(f);
    return f;
  }

  /** Removes a feed; false when there was none with that URL. */
  public boolean remove(String url) {
    String key = normal(url);
    return feeds.removeIf(f -> normal(f.url).equals(key));
  }

  /** Writes {@value #FILE}: a new file moved over the old one. */
  public synchronized void save() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("feeds");
    for (Feed f : feeds) {
      ObjectNode n = list.addObject();
      n.put("url", f.url);
      n.put("every_seconds", f.every.toSeconds());
      n.put("etag", f.etag);
      n.put("last_modified", f.lastModified);
      n.put("last_polled", f.lastPolled == null ? null : f.lastPolled.toString());
      n.put("next_poll", f.nextPoll == null ? null : f.nextPoll.toString());
      n.put("failures", f.failures);
      n.put("last_error", f.lastError);
      n.put("articles", f.articles);
      ArrayNode seen = n.putArray("seen");
      f.seen.forEach(seen::add);
    }
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), root);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** {@code 10m}, {@code 90s}, {@code 1h}, {@code 2d}, {@code 500ms}; a bare number is seconds. */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 30s, 10m, 1h, 1d)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofSeconds(n);
    };
  }

  private static void check(String url) {
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        throw new IllegalArgumentException("'" + url + "' is not an http(s) URL of a feed");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not a valid URL: " + e.getReason());
    }
  }

  private static String normal(String url) {
    return url.strip();
  }
}

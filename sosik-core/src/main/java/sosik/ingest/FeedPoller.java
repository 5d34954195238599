package sosik.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import sosik.article.ArticleId;
import sosik.index.NewsIndex;

/**
 * Polls the feeds of a {@link FeedStore} and indexes their new items. Each poll is a conditional
 * GET ({@code If-None-Match} with the stored {@code ETag}, {@code If-Modified-Since} with the stored
 * {@code Last-Modified}), so a feed that has not changed answers {@code 304} and costs nothing. An
 * item already taken from the feed (by its canonical link, else its guid, else its title) is not
 * taken again, and the index's own identity keeps it from being stored twice even then. With
 * {@code fetchPages} the article page an item links to is fetched and read instead of the item's
 * summary (the item is kept when the page cannot be read).
 *
 * <p>A feed that fails (an HTTP error, a timeout, XML that is not well-formed) is reported, its
 * items read before the break are kept, and it is polled again later and later (twice the interval
 * for each failure in a row, up to {@link #MAX_BACKOFF} or the interval when that is longer); the
 * other feeds go on. The state is saved after each round, once the round's articles are committed.
 */
public final class FeedPoller {
  /** The longest wait after failures, unless the feed's own interval is longer. */
  public static final Duration MAX_BACKOFF = Duration.ofHours(6);

  /** What one poll of one feed did. */
  public enum Outcome {
    /** 304 Not Modified: nothing to read. */
    NOT_MODIFIED,
    /** The feed was read; {@link Poll#newItems()} of its items were new. */
    READ,
    /** The feed could not be fetched or read; {@link Poll#problem()} says why. */
    FAILED
  }

  /**
   * One poll.
   *
   * @param items    items in the feed (0 unless read)
   * @param newItems items not taken before, now indexed or rejected
   * @param problem  why it failed, or what went wrong with an item page; null when nothing did
   */
  public record Poll(String url, Outcome outcome, int items, int newItems, String problem) {}

  /** Told about each poll and each rejection. */
  public interface Listener {
    default void polled(Poll poll) {}

    default void rejected(Rejection r) {}

    /** A round's articles are committed; {@code report} counts them. */
    default void round(IngestReport report) {}
  }

  private final NewsIndex index;
  private final ArticleNormalizer normalizer;
  private final HttpFetcher fetcher;
  private final FeedStore store;
  private final boolean fetchPages;
  private final Listener listener;
  private final Clock clock;
  private final FeedReader feedReader = new FeedReader();
  private final ArticlePageReader pageReader = new ArticlePageReader();

  public FeedPoller(NewsIndex index, ArticleNormalizer normalizer, HttpFetcher fetcher, FeedStore store,
      boolean fetchPages, Listener listener) {
    this(index, normalizer, fetcher, store, fetchPages, listener, Clock.systemUTC());
  }

  FeedPoller(NewsIndex index, ArticleNormalizer normalizer, HttpFetcher fetcher, FeedStore store,
      boolean fetchPages, Listener listener, Clock clock) {
    this.index = index;
    this.normalizer = normalizer;
    this.fetcher = fetcher;
    this.store = store;
    this.fetchPages = fetchPages;
    this.listener = listener == null ? new Listener() {} : listener;
    this.clock = clock;
  }

  /**
   * Polls every feed that is due (all of them when {@code all}), indexes the new items, commits,
   * and saves the feeds' state. Returns one poll per feed polled, in the store's order.
   */
  public List<Poll> round(boolean all) throws IOException {
    Instant now = clock.instant();
    Ingestor ingestor = new Ingestor(index, normalizer, new Ingestor.Listener() {
      @Override
      public void rejected(Rejection r) {
        listener.rejected(r);
      }
    }, fetcher);
    List<Poll> polls = new ArrayList<>();
    Map<FeedStore.Feed, List<String>> taken = new LinkedHashMap<>();
    for (FeedStore.Feed f : store.feeds()) {
      if (all || f.due(now)) {
        List<String> keys = new ArrayList<>();
        Poll p = poll(f, now, ingestor, keys);
        taken.put(f, keys);
        polls.add(p);
        listener.polled(p);
      }
    }
    IngestReport report = ingestor.finish();
    // only now, with the articles committed, are the items marked taken and the state saved
    for (Map.Entry<FeedStore.Feed, List<String>> e : taken.entrySet()) {
      e.getValue().forEach(e.getKey()::see);
    }
    store.save();
    listener.round(report);
    return polls;
  }

  /**
   * Polls until {@code stop} says so: a round whenever a feed is due, sleeping in between (at most
   * a second at a time, so that a stop is seen soon).
   */
  public void run(BooleanSupplier stop) throws IOException, InterruptedException {
    while (!stop.getAsBoolean()) {
      Instant now = clock.instant();
      boolean due = store.feeds().stream().anyMatch(f -> f.due(now));
      if (due) {
        round(false);
        continue;
      }
      Instant next = store.feeds().stream().map(f -> f.nextPoll).filter(java.util.Objects::nonNull)
          .min(Instant::compareTo).orElse(now.plusSeconds(1));
      long ms = Math.max(10, Math.min(1000, Duration.between(now, next).toMillis()));
      Thread.sleep(ms);
    }
  }

  private Poll poll(FeedStore.Feed f, Instant now, Ingestor ingestor, List<String> keys) throws IOException {
    f.lastPolled = now;
    Map<String, String> headers = new LinkedHashMap<>();
    f.etag().ifPresent(e -> headers.put("If-None-Match", e));
    f.lastModified().ifPresent(m -> headers.put("If-Modified-Since", m));
    HttpFetcher.Response r;
    try {
      r = fetcher.fetch(URI.create(f.url()), headers);
    } catch (FetchException e) {
      return failed(f, now, e.problem(), 0, 0);
    } catch (IllegalArgumentException e) {
      return failed(f, now, "not a valid URL: " + e.getMessage(), 0, 0);
    }
    if (r.notModified()) {
      return succeeded(f, now, r, Outcome.NOT_MODIFIED, 0, 0, null);
    }
    ArticleReader byType = Formats.forResponse(r);
    if (byType != null && !byType.name().equals("feed")) {
      return failed(f, now, "not a feed: Content-Type '" + r.contentType() + "'", 0, 0);
    }
    // read the whole feed first: a feed that breaks halfway is reported, the items before the break kept
    List<ArticleDraft> drafts = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    Charset charset = r.charset();
    if (charset == null) {
      try {
        charset = TextEncoding.forMarkup(r.body(), r.body().length, true);
      } catch (IllegalArgumentException e) {
        return failed(f, now, e.getMessage(), 0, 0);
      }
    }
    feedReader.read(new ByteSource(f.url(), new ByteArrayInputStream(r.body()), charset, r.uri()), new ReadSink() {
      @Override
      public void article(ArticleDraft draft, int line) {
        drafts.add(draft);
        lines.add(line);
      }

      @Override
      public void reject(int line, String problem) {
        rejections.add(new Rejection(f.url(), line, problem));
      }
    });
    String broken = null;
    for (Rejection x : rejections) {
      if (FeedReader.isDocumentProblem(x.problem())) {
        broken = x.problem();
      } else {
        listener.rejected(x);
      }
    }
    int fresh = 0;
    String pageProblem = null;
    for (int i = 0; i < drafts.size(); i++) {
      ArticleDraft d = drafts.get(i);
      String key = key(d);
      if (f.seen(key) || keys.contains(key)) {
        continue;
      }
      fresh++;
      keys.add(key);
      if (fetchPages && d.url() != null) {
        try {
          d = page(d);
        } catch (FetchException e) {
          pageProblem = "page " + d.url() + ": " + e.problem() + " (the item's own text was indexed)";
        }
      }
      long before = ingestor.report().read();
      ingestor.ingest(f.url(), d, lines.get(i));
      if (ingestor.report().read() > before) {
        f.articles++;
      }
    }
    if (broken != null) {
      return failed(f, now, broken, drafts.size(), fresh);
    }
    if (drafts.isEmpty() && rejections.isEmpty() && byType == null && Formats.sniff(r.body(), r.body().length) == null) {
      return failed(f, now, "not a feed: neither the Content-Type nor the content says it is one", 0, 0);
    }
    return succeeded(f, now, r, Outcome.READ, drafts.size(), fresh, pageProblem);
  }

  /** The item's article page read in its place; the item's fields fill what the page lacks. */
  private ArticleDraft page(ArticleDraft item) throws FetchException, IOException {
    HttpFetcher.Response r = fetcher.fetch(URI.create(item.url()));
    List<ArticleDraft> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    pageReader.read(new ByteSource(item.url(), new ByteArrayInputStream(r.body()), r.charset(), r.uri()), new ReadSink() {
      @Override
      public void article(ArticleDraft draft, int line) {
        found.add(draft);
      }

      @Override
      public void reject(int line, String problem) {
        problems.add(problem);
      }
    });
    if (found.isEmpty()) {
      throw new FetchException(URI.create(item.url()), problems.isEmpty() ? "no article in the page" : problems.get(0));
    }
    ArticleDraft p = found.get(0);
    Map<String, String> extra = new LinkedHashMap<>(item.extra());
    extra.putAll(p.extra());
    return new ArticleDraft(
        p.title() != null ? p.title() : item.title(),
        p.body() != null && !p.body().isBlank() ? p.body() : item.body(),
        p.press() != null ? p.press() : item.press(),
        !p.reporters().isEmpty() ? p.reporters() : item.reporters(),
        p.dateline() != null ? p.dateline() : item.dateline(),
        p.publishedAt() != null ? p.publishedAt() : item.publishedAt(),
        item.url(), // the link the feed gave is the article's identity either way
        p.section() != null ? p.section() : item.section(),
        extra);
  }

  /** What tells an item apart within its feed: its canonical link, else its guid, else its title. */
  static String key(ArticleDraft d) {
    if (d.url() != null) {
      try {
        String c = ArticleId.canonicalUrl(d.url());
        if (c != null) {
          return "url " + c;
        }
      } catch (IllegalArgumentException e) {
        // not a usable link: the guid or the title tells
      }
    }
    String guid = d.extra().get("id");
    if (guid != null) {
      return "id " + guid;
    }
    return "title " + ArticleId.sha256Hex(String.valueOf(d.title()) + "\u0001" + d.publishedAt()).substring(0, 32);
  }

  private Poll succeeded(FeedStore.Feed f, Instant now, HttpFetcher.Response r, Outcome o, int items, int fresh, String problem) {
    if (o == Outcome.READ) {
      // a feed that stops sending a validator must not be asked with the old one
      f.etag = r.etag().orElse(null);
      f.lastModified = r.lastModified().orElse(null);
    } else {
      r.etag().ifPresent(e -> f.etag = e);
      r.lastModified().ifPresent(m -> f.lastModified = m);
    }
    f.failures = 0;
    f.lastError = null;
    f.nextPoll = now.plus(f.every);
    return new Poll(f.url(), o, items, fresh, problem);
  }

  private Poll failed(FeedStore.Feed f, Instant now, String problem, int items, int fresh) {
    f.failures++;
    f.lastError = problem;
    f.nextPoll = now.plus(backoff(f.every, f.failures));
    return new Poll(f.url(), Outcome.FAILED, items, fresh, problem);
  }

  /** The wait after {@code failures} failures in a row: the interval doubled each time, within limits. */
  static Duration backoff(Duration every, int failures) {
    Duration cap = every.compareTo(MAX_BACKOFF) > 0 ? every : MAX_BACKOFF;
    Duration d = every;
    for (int i = 0; i < failures && d.compareTo(cap) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(cap) > 0 ? cap : d;
  }
}

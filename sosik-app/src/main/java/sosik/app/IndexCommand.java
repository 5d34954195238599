package sosik.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sosik.index.NewsIndex;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.HttpFetcher;
import sosik.ingest.IngestReport;
import sosik.ingest.Ingestor;
import sosik.ingest.Rejection;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Takes in news: the portal listing format (.txt), JSON Lines (.jsonl, .ndjson, .json), RSS and Atom feeds",
      "(.rss, .atom, .xml) and article pages (.html, .htm). Directories are walked for such files; http(s) URLs",
      "of feeds and pages are fetched. The same article again updates it, never duplicates it."
    })
final class IndexCommand extends ConsoleCommand implements Callable<Integer> {
  @Mixin IndexOption index;

  @Parameters(paramLabel = "PATH|URL", arity = "1..*", description = "Files, directories or http(s) URLs of feeds and pages to take in.")
  List<String> sources;

  @Option(names = "--format", paramLabel = "NAME", description = "Read every source as this format: listing, jsonl, feed, html, or a data set's: "
          + "company-tsv, company-xlsx, soynlp-lines, sci-news-json, ynat-headlines (default: by file name, or a URL's Content-Type; see docs/FORMATS.md).")
  String format;

  @Option(names = "--encoding", paramLabel = "NAME",
      description = "Read every source in this encoding (UTF-8, CP949, EUC-KR, UTF-16 …) whatever it declares (default: a byte order mark, "
          + "the HTTP charset or the document's declaration, else UTF-8 or CP949 as the bytes show, line by line for text formats).")
  String encoding;

  @Option(names = "--now", paramLabel = "TIME",
      description = "Read a listing's relative dates (3시간 전, 20일) against this Korea time, e.g. 2024-09-02T15:00 "
          + "(default: each file's modification time; the time of reading for URLs).")
  String now;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "For URLs: give up connecting, or waiting for data, after this long (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = "--max-download-mb", paramLabel = "N", defaultValue = "20",
      description = "For URLs: refuse a response larger than this many MB (default: ${DEFAULT-VALUE}).")
  long maxDownloadMb;

  @Option(names = "--max-body-chars", paramLabel = "N", defaultValue = "" + ArticleNormalizer.DEFAULT_MAX_BODY_CHARS,
      description = "Reject articles whose body is longer (default: ${DEFAULT-VALUE}).")
  int maxBodyChars;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "" + Ingestor.DEFAULT_COMMIT_EVERY,
      description = "Commit after every N articles (and at the end), so that a crash or a kill loses at most N; each commit "
          + "prints 'committed so far: N' (default: ${DEFAULT-VALUE}).")
  int commitEvery;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Analyse and write articles on N threads (1-64; default: ${DEFAULT-VALUE}); counts and commits are the same as with one.")
  int threads;

  @Option(names = "--watch", description = "Poll the URLs as feeds until Ctrl-C instead of reading them once: they join the feeds of "
      + "the index (DIR/feeds.json, see 'sosik feeds'), each is asked with a conditional GET as it falls due, and each new item is indexed once.")
  boolean watch;

  @Option(names = "--every", paramLabel = "DURATION", defaultValue = "10m",
      description = "With --watch: poll each feed this often: 30s, 10m, 1h (default: ${DEFAULT-VALUE}).")
  String every;

  @Option(names = "--fetch-pages", description = "With --watch: index the article page each new item links to instead of the item's summary.")
  boolean fetchPages;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "No progress line and no per-article rejection lines.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (maxBodyChars < 1) {
      throw new IllegalArgumentException("--max-body-chars must be at least 1, was " + maxBodyChars);
    }
    if (format != null) {
      sosik.ingest.Formats.byName(format); // fail fast with the list of formats
    }
    if (watch) {
      return watch();
    }
    if (fetchPages) {
      throw new IllegalArgumentException("--fetch-pages goes with --watch");
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("--threads must be between 1 and 64, was " + threads);
    }
    if (commitEvery < 1) {
      throw new IllegalArgumentException("--commit-every must be at least 1, was " + commitEvery);
    }
    java.nio.charset.Charset forced = encoding == null ? null : sosik.ingest.TextEncoding.forName(encoding);
    java.time.Instant reference = now == null ? null : parseNow(now);
    if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
      throw new IllegalArgumentException("--timeout must be more than 0 and at most 3600 seconds, was " + timeoutSeconds);
    }
    if (maxDownloadMb < 1 || maxDownloadMb > 4096) {
      throw new IllegalArgumentException("--max-download-mb must be between 1 and 4096, was " + maxDownloadMb);
    }
    HttpFetcher.Options fetch = HttpFetcher.Options.defaults()
        .withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
        .withMaxBytes(maxDownloadMb * 1024 * 1024);
    Progress progress = new Progress(console, quiet);
    IngestReport r;
    try (NewsIndex idx = index.open(true, console::warn)) {
      Ingestor ingestor = new Ingestor(idx, new ArticleNormalizer(maxBodyChars), progress, new HttpFetcher(fetch)).encoding(forced).now(reference)
          .commitEvery(commitEvery).threads(threads);
      r = ingestor.ingestSources(sources, format);
    }
    progress.done();
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("index", index.location());
      o.put("files", r.files());
      o.put("files_rejected", r.filesRejected());
      o.put("read", r.read());
      o.put("added", r.added());
      o.put("updated", r.updated());
      o.put("unchanged", r.unchanged());
      o.put("rejected", r.rejected());
      o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
      ArrayNode rej = o.putArray("rejections");
      for (Rejection x : r.rejections()) {
        rej.addObject().put("source", x.source()).put("line", x.line()).put("problem", x.problem());
      }
      console.out().println(Json.write(o));
    } else {
      console.out().printf(
          "indexed %d file%s into %s: %,d added, %,d updated, %,d unchanged, %,d rejected%s (%.1f s, %,.0f articles/s)%n",
          r.files() - r.filesRejected(), r.files() - r.filesRejected() == 1 ? "" : "s", index.location(),
          r.added(), r.updated(), r.unchanged(), r.rejected(),
          r.filesRejected() > 0 ? ", " + r.filesRejected() + " file(s) rejected" : "",
          r.seconds(), r.rate());
    }
    console.out().flush();
    if (!r.hasRejections()) {
      return ExitCodes.OK;
    }
    return r.read() > 0 || r.unchanged() > 0 ? ExitCodes.PARTIAL : ExitCodes.FAILURE;
  }

  private int watch() throws Exception {
    Duration d = sosik.ingest.FeedStore.parseDuration(every);
    sosik.ingest.FeedStore store = sosik.ingest.FeedStore.load(index.dir());
    for (String s : sources) {
      store.add(s, d); // refuses what is not an http(s) URL, naming it
    }
    store.save();
    FeedsCommand.PollOptions options = new FeedsCommand.PollOptions();
    options.fetchPages = fetchPages;
    options.timeoutSeconds = timeoutSeconds;
    options.quiet = quiet;
    return FeedsCommand.poll(console, index.dir(), options, false);
  }

  private static java.time.Instant parseNow(String text) {
    try {
      return sosik.article.KoreaTime.parseIso(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--now: " + e.getMessage());
    }
  }

  /** A progress line on standard error, redrawn on a terminal, every few seconds otherwise. */
  static final class Progress implements Ingestor.Listener {
    private final Console console;
    private final boolean quiet;
    private long last = System.nanoTime();
    private boolean drawn;

    Progress(Console console, boolean quiet) {
      this.console = console;
      this.quiet = quiet;
    }

    @Override
    public void progress(IngestReport r, String source) {
      long now = System.nanoTime();
      long every = console.tty() ? 250_000_000L : 5_000_000_000L;
      if (quiet || now - last < every) {
        return;
      }
      last = now;
      String line = String.format("files %,d · articles read %,d · committed %,d · rejected %,d · %,.0f articles/s · %s",
          r.files(), r.read(), r.added() + r.updated() + r.unchanged(), r.rejected(), r.rate(), source);
      if (console.tty()) {
        console.err().print("\r\033[K" + line);
        drawn = true;
      } else {
        console.err().println(line);
      }
      console.err().flush();
    }

    @Override
    public void committed(IngestReport r, long committed) {
      if (quiet) {
        return;
      }
      if (drawn) {
        console.err().print("\r\033[K");
        drawn = false;
      }
      console.err().printf("committed so far: %d%n", committed);
      console.err().flush();
    }

    @Override
    public void rejected(Rejection r) {
      if (quiet) {
        return;
      }
      if (drawn) {
        console.err().print("\r\033[K");
        drawn = false;
      }
      console.err().println("sosik: rejected " + r);
      console.err().flush();
    }

    void done() {
      if (drawn) {
        console.err().print("\r\033[K");
        console.err().flush();
      }
    }
  }
}

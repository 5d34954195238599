package sosik.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sosik.article.KoreaTime;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.FeedPoller;
import sosik.ingest.FeedStore;
import sosik.ingest.HttpFetcher;
import sosik.ingest.IngestReport;
import sosik.ingest.Rejection;

@Command(
    name = "feeds",
    mixinStandardHelpOptions = true,
    description = {
      "Feeds to poll: RSS and Atom URLs kept in DIR/feeds.json beside the index, with what was last seen of each.",
      "'sosik feeds run' polls them with conditional GETs and indexes each new item once."
    },
    subcommands = {FeedsCommand.Add.class, FeedsCommand.Remove.class, FeedsCommand.ListFeeds.class, FeedsCommand.Run.class})
final class FeedsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds feeds (or changes how often they are polled).")
  static final class Add extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;

    @Parameters(paramLabel = "URL", arity = "1..*", description = "http(s) URLs of RSS or Atom feeds.")
    List<String> urls;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "10m",
        description = "Poll this often: 30s, 10m, 1h, 1d (default: ${DEFAULT-VALUE}).")
    String every;

    @Override
    public Integer call() throws Exception {
      Duration d = FeedStore.parseDuration(every);
      FeedStore store = FeedStore.load(index.dir());
      for (String u : urls) {
        boolean known = store.get(u).isPresent();
        store.add(u, d);
        console.out().printf("%s %s, every %s%n", known ? "changed" : "added", u.strip(), every(d));
      }
      store.save();
      console.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stops polling feeds (what they gave stays indexed).")
  static final class Remove extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;

    @Parameters(paramLabel = "URL", arity = "1..*")
    List<String> urls;

    @Override
    public Integer call() throws Exception {
      FeedStore store = FeedStore.load(index.dir());
      List<String> missing = new ArrayList<>();
      for (String u : urls) {
        if (store.remove(u)) {
          console.out().println("removed " + u.strip());
        } else {
          missing.add(u.strip());
        }
      }
      store.save();
      console.out().flush();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("no such feed: " + String.join(", ", missing) + " (see 'sosik feeds list')");
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the feeds, when each was polled and how it went.")
  static final class ListFeeds extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      FeedStore store = FeedStore.load(index.dir());
      if (json) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (FeedStore.Feed f : store.feeds()) {
          ObjectNode o = a.addObject();
          o.put("url", f.url());
          o.put("every_seconds", f.every().toSeconds());
          o.put("last_polled", f.lastPolled().map(KoreaTime::iso).orElse(null));
          o.put("next_poll", f.nextPoll().map(KoreaTime::iso).orElse(null));
          o.put("articles", f.articles());
          o.put("failures", f.failures());
          o.put("last_error", f.lastError().orElse(null));
          o.put("etag", f.etag().orElse(null));
          o.put("last_modified", f.lastModified().orElse(null));
        }
        console.out().println(Json.write(a));
      } else if (store.feeds().isEmpty()) {
        console.out().println("no feeds; add one with 'sosik feeds add URL'");
      } else {
        for (FeedStore.Feed f : store.feeds()) {
          console.out().printf("%s  every %s · %,d articles · last polled %s%s%n", f.url(), every(f.every()), f.articles(),
              f.lastPolled().map(KoreaTime::display).orElse("never"),
              f.lastError().map(e -> " · failing (" + f.failures() + "×): " + e).orElse(""));
        }
      }
      console.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Polls the feeds as they fall due and indexes new items, until Ctrl-C (or once with --once).")
  static final class Run extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;
    @Mixin PollOptions poll;

    @Option(names = "--once", description = "Poll every feed once, due or not, then stop.")
    boolean once;

    @Override
    public Integer call() throws Exception {
      return FeedsCommand.poll(console, index.dir(), poll, once);
    }
  }

  /** Options of polling, shared by {@code feeds run} and {@code index --watch}. */
  static final class PollOptions {
    @Option(names = "--fetch-pages", description = "Fetch the article page each new item links to and index it instead of the item's summary.")
    boolean fetchPages;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "Give up connecting, or waiting for data, after this long (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = {"-q", "--quiet"}, description = "Print only failures.")
    boolean quiet;

    HttpFetcher fetcher() {
      if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
        throw new IllegalArgumentException("--timeout must be more than 0 and at most 3600 seconds, was " + timeoutSeconds);
      }
      return new HttpFetcher(HttpFetcher.Options.defaults().withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000))));
    }
  }

  /**
   * Polls the feeds of the index in {@code dir}: one round of all of them when {@code once}, else
   * until the process is stopped.
   */
  static int poll(Console console, Path dir, PollOptions options, boolean once) throws IOException, InterruptedException {
    HttpFetcher fetcher = options.fetcher();
    FeedStore store = FeedStore.load(dir);
    if (store.feeds().isEmpty()) {
      throw new IllegalArgumentException("no feeds to poll in " + dir + "; add one with 'sosik feeds add URL'");
    }
    boolean[] failed = {false};
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch stopped = new CountDownLatch(1); // the index is closed: a Ctrl-C may end the process
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      FeedPoller poller = new FeedPoller(idx, new ArticleNormalizer(), fetcher, store, options.fetchPages, new FeedPoller.Listener() {
        @Override
        public void polled(FeedPoller.Poll p) {
          String at = KoreaTime.display(Instant.now());
          switch (p.outcome()) {
            case NOT_MODIFIED -> {
              if (!options.quiet) {
                console.out().printf("%s %s: not modified%n", at, p.url());
              }
            }
            case READ -> {
              if (!options.quiet) {
                console.out().printf("%s %s: %d items, %d new%s%n", at, p.url(), p.items(), p.newItems(),
                    p.problem() == null ? "" : " (" + p.problem() + ")");
              }
            }
            case FAILED -> {
              failed[0] = true;
              FeedStore.Feed f = store.get(p.url()).orElseThrow();
              console.err().printf("sosik: %s: %s (failed %d× in a row; next poll %s)%n", p.url(), p.problem(), f.failures(),
                  f.nextPoll().map(KoreaTime::display).orElse("soon"));
              console.err().flush();
            }
          }
          console.out().flush();
        }

        @Override
        public void rejected(Rejection r) {
          if (!options.quiet) {
            console.err().println("sosik: rejected " + r);
            console.err().flush();
          }
        }

        @Override
        public void round(IngestReport r) {
          if (!options.quiet && r.added() + r.updated() > 0) {
            console.out().printf("committed: %,d added, %,d updated%n", r.added(), r.updated());
            console.out().flush();
          }
        }
      });
      if (once) {
        poller.round(true);
        return failed[0] ? ExitCodes.PARTIAL : ExitCodes.OK;
      }
      Thread hook = new Thread(() -> {
        stop.set(true);
        try {
          stopped.await(15, TimeUnit.SECONDS); // let the round in progress commit and save
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        if (!options.quiet) {
          console.err().printf("polling %d feed%s into %s until Ctrl-C%n", store.feeds().size(), store.feeds().size() == 1 ? "" : "s", dir);
          console.err().flush();
        }
        poller.run(stop::get);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: it waits until the index is closed
        }
      }
    } finally {
      stopped.countDown();
    }
    return ExitCodes.OK;
  }

  static String every(Duration d) {
    long s = d.toSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}

package sosik.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sosik.article.Article;
import sosik.index.NewsIndex;
import sosik.index.lucene.LuceneNewsIndex;

@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = {
      "Re-analyses every indexed article with the current analyzer and dictionary.",
      "With --from and --to, copies every article from one backend to the other instead",
      "(sosik reindex --from embedded --to opensearch --opensearch-url URL)."
    })
final class ReindexCommand extends ConsoleCommand implements Callable<Integer> {
  /** Articles per write; a commit every {@link #COMMIT_EVERY}, so a long copy keeps little unconfirmed. */
  static final int BATCH = 500;
  static final int COMMIT_EVERY = 5_000;

  @Mixin IndexOption index;

  @Option(names = "--from", paramLabel = "BACKEND", description = "Copy from this backend: embedded or opensearch.")
  IndexOption.Backend from;

  @Option(names = "--to", paramLabel = "BACKEND", description = "Copy to this backend: embedded or opensearch.")
  IndexOption.Backend to;

  @Override
  public Integer call() throws Exception {
    if (from != null || to != null) {
      return copy();
    }
    index.requireEmbedded("reindex");
    if (!LuceneNewsIndex.exists(index.dir())) {
      throw new LuceneNewsIndex.NoIndexException(index.dir());
    }
    long t0 = System.nanoTime();
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(index.dir(), LuceneNewsIndex.Mode.WRITE)) {
      long n = idx.reindex(done -> {
        console.err().printf("re-analysed %,d articles%n", done);
        console.err().flush();
      });
      console.out().printf("reindexed %,d articles in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }
    console.out().flush();
    return ExitCodes.OK;
  }

  private int copy() throws IOException {
    if (from == null || to == null) {
      throw new IllegalArgumentException("--from and --to go together: sosik reindex --from embedded --to opensearch");
    }
    if (from == to) {
      throw new IllegalArgumentException("--from and --to are both " + from.name().toLowerCase(java.util.Locale.ROOT)
          + "; to re-analyse in place, run 'sosik reindex' without them");
    }
    String source = index.location(from);
    String target = index.location(to);
    long t0 = System.nanoTime();
    long[] counts = new long[4]; // read, added, updated, unchanged
    try (NewsIndex in = index.open(from, false, console::warn);
        // a new target gets the source's user dictionary, so that it analyses the articles alike
        NewsIndex out = index.open(to, true, console::warn, userEntries(in))) {
      List<Article> batch = new ArrayList<>(BATCH);
      long[] lastLine = {System.nanoTime()};
      try {
        in.forEach(a -> {
          batch.add(a);
          counts[0]++;
          if (batch.size() == BATCH) {
            write(out, batch, counts);
            if (counts[0] % COMMIT_EVERY == 0) {
              commit(out);
            }
          }
          if (System.nanoTime() - lastLine[0] > 5_000_000_000L) {
            lastLine[0] = System.nanoTime();
            console.err().printf("copied %,d articles · %,.0f articles/s · %s → %s%n",
                counts[0], counts[0] / ((System.nanoTime() - t0) / 1e9), source, target);
            console.err().flush();
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      write(out, batch, counts);
      out.commit();
      copyManualAliases(in, out);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    console.out().printf("copied %,d articles from %s to %s: %,d added, %,d updated, %,d unchanged (%.1f s, %,.0f articles/s)%n",
        counts[0], source, target, counts[1], counts[2], counts[3], s, counts[0] / Math.max(s, 1e-9));
    console.out().flush();
    return ExitCodes.OK;
  }

  /**
   * Abbreviation pairs added or removed by hand go with the articles; the learned ones the target
   * learned itself from the articles it was given.
   */
  private static void copyManualAliases(NewsIndex in, NewsIndex out) throws IOException {
    sosik.analysis.Aliases source = aliasesOf(in);
    sosik.analysis.Aliases target = aliasesOf(out);
    if (source == null || target == null) {
      return;
    }
    boolean changed = false;
    for (sosik.analysis.Aliases.Entry e : source.entries()) {
      if (e.state() == sosik.analysis.Aliases.State.MANUAL) {
        target.add(e.shortForm(), e.longForm());
        changed = true;
      } else if (e.state() == sosik.analysis.Aliases.State.REMOVED) {
        changed |= target.remove(e.shortForm(), e.longForm());
      }
    }
    if (!changed) {
      return;
    }
    if (out instanceof LuceneNewsIndex l) {
      l.saveAliases();
    } else if (out instanceof sosik.opensearch.OpenSearchNewsIndex o) {
      o.saveAliases();
    }
  }

  private static sosik.analysis.Aliases aliasesOf(NewsIndex idx) {
    if (idx instanceof LuceneNewsIndex l) {
      return l.aliases();
    }
    if (idx instanceof sosik.opensearch.OpenSearchNewsIndex o) {
      return o.aliases();
    }
    return null;
  }

  private static List<String> userEntries(NewsIndex idx) {
    if (idx instanceof LuceneNewsIndex l) {
      return l.dictionary().userEntries();
    }
    if (idx instanceof sosik.opensearch.OpenSearchNewsIndex o) {
      return o.dictionary().userEntries();
    }
    return List.of();
  }

  private static void write(NewsIndex out, List<Article> batch, long[] counts) {
    try {
      for (NewsIndex.Outcome o : out.upsert(batch)) {
        counts[switch (o) {
          case ADDED -> 1;
          case UPDATED -> 2;
          case UNCHANGED -> 3;
        }]++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    batch.clear();
  }

  private static void commit(NewsIndex out) {
    try {
      out.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

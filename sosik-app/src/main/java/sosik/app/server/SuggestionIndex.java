package sosik.app.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sosik.index.NewsIndex;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.search.Suggester;

/**
 * The server's suggester: read in the background at start, rebuilt in the background after
 * writes (at most one rebuild at a time; readers keep the old one meanwhile).
 */
final class SuggestionIndex {
  private static final Logger LOG = LoggerFactory.getLogger(SuggestionIndex.class);

  private final NewsIndex index;
  private final AtomicReference<Suggester> current = new AtomicReference<>();
  private final AtomicBoolean rebuilding = new AtomicBoolean();
  private volatile boolean stale;
  private volatile boolean ready;
  private final java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);

  /**
   * Starts with no words and reads them in the background, so that a large index serves searches
   * at once (the words saved beside the index are read in well under a second; reading every
   * headline again takes about a second per 10,000 articles).
   */
  SuggestionIndex(NewsIndex index) {
    this.index = index;
    current.set(Suggester.empty());
    stale = true;
    get();
  }

  /** Whether the first words are read (until then {@link #get} gives none). */
  boolean ready() {
    return ready;
  }

  /** Waits at most {@code wait} for the first words; whether they are read. */
  boolean await(java.time.Duration wait) throws InterruptedException {
    return first.await(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  Suggester get() {
    if (stale && rebuilding.compareAndSet(false, true)) {
      stale = false;
      Thread t = new Thread(() -> {
        try {
          current.set(build());
          ready = true;
          first.countDown();
        } catch (RuntimeException e) {
          LOG.warn("rebuilding suggestions failed; keeping the previous ones", e);
        } finally {
          rebuilding.set(false);
        }
      }, "sosik-suggest-rebuild");
      t.setDaemon(true);
      t.start();
    }
    return current.get();
  }

  void stale() {
    stale = true;
  }

  private Suggester build() {
    try {
      if (index instanceof LuceneNewsIndex l) {
        return l.suggester();
      }
      return Suggester.build(index, sosik.analysis.KoreanNewsAnalyzer.withDefaultDictionary());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

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
 * The server's suggester: built from the headlines at start, rebuilt in the background after
 * writes (at most one rebuild at a time; readers keep the old one meanwhile).
 */
final class SuggestionIndex {
  private static final Logger LOG = LoggerFactory.getLogger(SuggestionIndex.class);

  private final NewsIndex index;
  private final AtomicReference<Suggester> current = new AtomicReference<>();
  private final AtomicBoolean rebuilding = new AtomicBoolean();
  private volatile boolean stale;

  SuggestionIndex(NewsIndex index) {
    this.index = index;
    current.set(build());
  }

  Suggester get() {
    if (stale && rebuilding.compareAndSet(false, true)) {
      stale = false;
      Thread t = new Thread(() -> {
        try {
          current.set(build());
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
      var analyzer = index instanceof LuceneNewsIndex l ? l.analyzer() : sosik.analysis.KoreanNewsAnalyzer.withDefaultDictionary();
      return Suggester.build(index, analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

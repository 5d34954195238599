package sosik.app;

import picocli.CommandLine.Option;
import sosik.index.NewsIndex;
import sosik.index.lucene.LuceneNewsIndex;

/** {@code --search-threads N}: how many threads one search of the embedded index runs on. */
final class SearchThreadsOption {
  @Option(names = "--search-threads", paramLabel = "N",
      description = "Threads one search of the embedded index runs on, the index cut into parts of equal article counts among them; 1 searches on one thread"
          + " (default: the number of processors, at most " + LuceneNewsIndex.MAX_SEARCH_THREADS
          + "). Results are the same with any number.")
  Integer threads;

  /** Refuses a number below 1, or the option with another backend than the embedded one. */
  void check(IndexOption index) {
    if (threads == null) {
      return;
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--search-threads " + threads + ": a search needs at least 1 thread");
    }
    if (index.backend() != IndexOption.Backend.EMBEDDED) {
      throw new IllegalArgumentException("--search-threads works on the embedded index, not with --backend opensearch");
    }
  }

  /** Sets the number on {@code idx} when the option was given. */
  void applyTo(NewsIndex idx) {
    if (threads != null && idx instanceof LuceneNewsIndex lucene) {
      lucene.searchThreads(threads);
    }
  }
}

package sosik.index.lucene;

import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * An analyzer whose delegate can be replaced while it is in use: the index writer, the query
 * builder and the highlighter hold this one object, and a changed dictionary takes effect for the
 * next document and the next query. Each delegate keeps its own per-thread components, so a token
 * stream already running finishes with the analyzer it started with.
 */
final class SwappableAnalyzer extends DelegatingAnalyzerWrapper {
  private volatile Analyzer delegate;

  SwappableAnalyzer(Analyzer delegate) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return delegate;
  }

  Analyzer delegate() {
    return delegate;
  }

  /** Uses {@code next} from now on; returns the one it replaces. */
  Analyzer swap(Analyzer next) {
    Analyzer before = delegate;
    delegate = Objects.requireNonNull(next, "next");
    return before;
  }
}

package sosik.index.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts matching articles per press from the press doc values, in the same pass as the search. */
final class PressCounter extends SimpleCollector {
  private final Map<String, Long> counts = new HashMap<>();
  private SortedDocValues values;
  private long[] ordCounts = new long[0];

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    flush();
    values = DocValues.getSorted(context.reader(), Fields.PRESS_DV);
    ordCounts = new long[Math.max(0, values.getValueCount())];
  }

  @Override
  public void collect(int doc) throws IOException {
    if (values.advanceExact(doc)) {
      ordCounts[values.ordValue()]++;
    }
  }

  private void flush() throws IOException {
    if (values == null) {
      return;
    }
    for (int ord = 0; ord < ordCounts.length; ord++) {
      if (ordCounts[ord] > 0) {
        counts.merge(values.lookupOrd(ord).utf8ToString(), ordCounts[ord], Long::sum);
      }
    }
    values = null;
  }

  @Override
  public void setScorer(Scorable scorer) {}

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  Map<String, Long> counts() throws IOException {
    flush();
    return counts;
  }

  /** Sums the per-slice counters, largest count first, then by name. */
  static final class Manager implements CollectorManager<PressCounter, Map<String, Long>> {
    @Override
    public PressCounter newCollector() {
      return new PressCounter();
    }

    @Override
    public Map<String, Long> reduce(Collection<PressCounter> collectors) throws IOException {
      Map<String, Long> sum = new HashMap<>();
      for (PressCounter c : collectors) {
        c.counts().forEach((k, v) -> sum.merge(k, v, Long::sum));
      }
      LinkedHashMap<String, Long> sorted = new LinkedHashMap<>();
      sum.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      return sorted;
    }
  }
}

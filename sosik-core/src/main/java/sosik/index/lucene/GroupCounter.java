package sosik.index.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching articles per group from the group doc values, in one pass: the number of groups
 * beside the total, and each group's {@code 관련뉴스 N건}. An article without a group value (an index
 * from before grouping) is a group of its own.
 */
final class GroupCounter extends SimpleCollector {
  /** Matching articles in all, and per group. */
  record Counts(long articles, Map<String, Long> perGroup) {}

  private final Map<String, Long> counts = new HashMap<>();
  private long articles;
  private LeafReaderContext leaf;
  private SortedDocValues values;
  private long[] ordCounts = new long[0];

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    flush();
    leaf = context;
    values = DocValues.getSorted(context.reader(), Fields.GROUP_DV);
    ordCounts = new long[Math.max(0, values.getValueCount())];
  }

  @Override
  public void collect(int doc) throws IOException {
    articles++;
    if (values.advanceExact(doc)) {
      ordCounts[values.ordValue()]++;
    } else {
      String id = leaf.reader().storedFields().document(doc).get(Fields.ID);
      counts.merge(id, 1L, Long::sum);
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

  Counts counts() throws IOException {
    flush();
    return new Counts(articles, counts);
  }

  static final class Manager implements CollectorManager<GroupCounter, Counts> {
    @Override
    public GroupCounter newCollector() {
      return new GroupCounter();
    }

    @Override
    public Counts reduce(Collection<GroupCounter> collectors) throws IOException {
      Map<String, Long> all = new HashMap<>();
      long articles = 0;
      for (GroupCounter c : collectors) {
        Counts one = c.counts();
        articles += one.articles();
        one.perGroup().forEach((k, v) -> all.merge(k, v, Long::sum));
      }
      return new Counts(articles, all);
    }
  }
}

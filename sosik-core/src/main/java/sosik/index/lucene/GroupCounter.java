package sosik.index.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Counts matching articles per group in one pass over the group doc values: the number of groups
 * beside the total, and each group's {@code 관련뉴스 N건}. Counts are kept by global ordinal (one int
 * per group in the index, the ordinal map built once per reader), so a broad query over millions of
 * articles costs an array, not a map of strings. An article without a group value (an index from
 * before grouping) is a group of its own.
 */
final class GroupCounter extends SimpleCollector {
  private static final Map<IndexReader.CacheKey, OrdinalMap> MAPS = Collections.synchronizedMap(new WeakHashMap<>());

  /** Matching articles in all, groups among them, and the count by global ordinal. */
  static final class Counts {
    private final long articles;
    private final long groups;
    private final int[] byOrd;
    private final OrdinalMap map;

    Counts(long articles, long groups, int[] byOrd, OrdinalMap map) {
      this.articles = articles;
      this.groups = groups;
      this.byOrd = byOrd;
      this.map = map;
    }

    long articles() {
      return articles;
    }

    long groups() {
      return groups;
    }

    /** The matching articles in the group of document {@code doc} (1 when it has no group value). */
    long countOf(List<LeafReaderContext> leaves, int doc) throws IOException {
      int i = ReaderUtil.subIndex(doc, leaves);
      LeafReaderContext leaf = leaves.get(i);
      SortedDocValues dv = DocValues.getSorted(leaf.reader(), Fields.GROUP_DV);
      if (!dv.advanceExact(doc - leaf.docBase)) {
        return 1;
      }
      long global = map == null ? dv.ordValue() : map.getGlobalOrds(i).get(dv.ordValue());
      return Math.max(1, byOrd[(int) global]);
    }
  }

  private final OrdinalMap map;
  private final int[] byOrd;
  /** The ordinals counted so far, each once, in the order first met. */
  private int[] touched = new int[64];
  private int groups;
  private long articles;
  private long ungrouped;
  private SortedDocValues values;
  private LongValues toGlobal;

  private GroupCounter(OrdinalMap map, int valueCount) {
    this.map = map;
    this.byOrd = new int[valueCount];
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    values = DocValues.getSorted(context.reader(), Fields.GROUP_DV);
    toGlobal = map == null ? null : map.getGlobalOrds(context.ord);
  }

  @Override
  public void collect(int doc) throws IOException {
    articles++;
    if (values.advanceExact(doc)) {
      int ord = values.ordValue();
      int global = toGlobal == null ? ord : (int) toGlobal.get(ord);
      if (byOrd[global]++ == 0) {
        if (groups == touched.length) {
          touched = java.util.Arrays.copyOf(touched, groups * 2);
        }
        touched[groups++] = global;
      }
    } else {
      ungrouped++;
    }
  }

  @Override
  public void setScorer(Scorable scorer) {}

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  /** One manager per search of {@code reader}. */
  static final class Manager implements CollectorManager<GroupCounter, Counts> {
    private final OrdinalMap map;
    private final int valueCount;

    Manager(IndexReader reader) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      if (leaves.size() <= 1) {
        this.map = null;
        this.valueCount = leaves.isEmpty() ? 0 : DocValues.getSorted(leaves.get(0).reader(), Fields.GROUP_DV).getValueCount();
      } else {
        this.map = ordinalMap(reader);
        this.valueCount = (int) map.getValueCount();
      }
    }

    @Override
    public GroupCounter newCollector() {
      return new GroupCounter(map, valueCount);
    }

    /**
     * Adds up the collectors of the parts a search ran in (one per part; each part's segments
     * counted by global ordinal, so a group spread over several parts is summed). The first
     * collector's array holds the sum: a collector is not used after its search. Only the groups
     * each collector met are visited, not every group of the index.
     */
    @Override
    public Counts reduce(Collection<GroupCounter> collectors) {
      int[] all = null;
      long articles = 0;
      long ungrouped = 0;
      long groups = 0;
      for (GroupCounter c : collectors) {
        articles += c.articles;
        ungrouped += c.ungrouped;
        if (all == null) {
          all = c.byOrd;
          groups = c.groups;
        } else {
          int[] more = c.byOrd;
          for (int i = 0; i < c.groups; i++) {
            int ord = c.touched[i];
            if (all[ord] == 0) {
              groups++;
            }
            all[ord] += more[ord];
          }
        }
      }
      if (all == null) {
        all = new int[valueCount];
      }
      return new Counts(articles, groups + ungrouped, all, map);
    }
  }

  private static OrdinalMap ordinalMap(IndexReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    OrdinalMap cached = helper == null ? null : MAPS.get(helper.getKey());
    if (cached != null) {
      return cached;
    }
    List<LeafReaderContext> leaves = reader.leaves();
    SortedDocValues[] values = new SortedDocValues[leaves.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = DocValues.getSorted(leaves.get(i).reader(), Fields.GROUP_DV);
    }
    OrdinalMap map = OrdinalMap.build(helper == null ? null : helper.getKey(), values, PackedInts.DEFAULT);
    if (helper != null) {
      MAPS.put(helper.getKey(), map);
    }
    return map;
  }
}

package sosik.index.lucene;

import java.util.Map;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilterFactory;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.bloom.FuzzySet;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Lucene's default codec, with a Bloom filter in front of the terms of the two fields that every
 * arriving article looks up in every segment: its id (is it an update?) and its group keys (which
 * earlier articles are candidates for its group?). Nearly every such look-up misses, and a miss in
 * a segment's terms dictionary costs a walk of its terms index; the filter answers most misses
 * from a few bits. Measured in docs/BENCHMARKS.md ("Towards a million articles").
 *
 * <p>The codec keeps the default's name: the per-field format is recorded in each segment, so an
 * index written with it is read by the default codec (with {@code lucene-codecs} on the class
 * path), and an index written before it is read as it was.
 */
final class KeyLookupCodec extends Lucene912Codec {
  /** Filtered fields and how many distinct terms an article gives each (an estimate for sizing). */
  static final Map<String, Integer> TERMS_PER_ARTICLE = Map.of(Fields.ID, 1, Fields.GROUP_BAND, 128);

  /** The false-positive rate a filter is sized for at the estimated number of terms. */
  static final float FALSE_POSITIVES = 0.1f;

  private final PostingsFormat filtered =
      new BloomFilteringPostingsFormat(new Lucene912PostingsFormat(), new SizedByArticles());

  @Override
  public PostingsFormat getPostingsFormatForField(String field) {
    return TERMS_PER_ARTICLE.containsKey(field) ? filtered : super.getPostingsFormatForField(field);
  }

  /**
   * Sizes a segment's filter by its articles times the field's terms per article (Lucene's default
   * assumes one term per document and would saturate on the group keys), then shrinks it to what
   * the terms written need.
   */
  static final class SizedByArticles extends BloomFilterFactory {
    @Override
    public FuzzySet getSetForField(SegmentWriteState state, FieldInfo info) {
      int perArticle = TERMS_PER_ARTICLE.getOrDefault(info.name, 1);
      long expected = Math.max(1_000L, (long) state.segmentInfo.maxDoc() * perArticle);
      return FuzzySet.createOptimalSet((int) Math.min(expected, 1L << 30), FALSE_POSITIVES);
    }

    @Override
    public boolean isSaturated(FuzzySet set, FieldInfo info) {
      // a filter this full would pass most misses: the segment keeps its terms without one
      return set.getSaturation() > 0.9f;
    }
  }
}

package sosik.index.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import sosik.article.Article;
import sosik.search.SearchPage;
import sosik.search.Snippet;
import sosik.search.SnippetMaker;

/**
 * Marks the query words in headlines and picks body passages, from the offsets stored in the
 * postings (so the marks are the analyzer's own matches, inflected forms included).
 */
final class LuceneHighlights {
  private final Analyzer analyzer;

  LuceneHighlights(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * Whether a page's matches are read by {@link PostingsMarks} where its highlight query allows
   * (the default) or always by Lucene's unified highlighter; {@code -Dsosik.postingsMarks=false}
   * for measuring.
   */
  static final boolean POSTINGS_MARKS = !"false".equals(System.getProperty("sosik.postingsMarks"));

  private volatile boolean postingsMarks = POSTINGS_MARKS;

  /** Reads the marks as {@link #POSTINGS_MARKS} says by default; for tests. */
  void usePostingsMarks(boolean on) {
    postingsMarks = on;
  }

  /** Runs of hits whose marks were read by {@link PostingsMarks}; for tests. */
  private final java.util.concurrent.atomic.AtomicLong postingsMarked = new java.util.concurrent.atomic.AtomicLong();

  long postingsMarked() {
    return postingsMarked.get();
  }

  /** The raw matches of one field: what {@link SnippetMaker} needs. */
  private static final class Matches extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<SnippetMaker.Match> out = new ArrayList<>();
      for (Passage p : passages) {
        for (int i = 0; i < p.getNumMatches(); i++) {
          out.add(new SnippetMaker.Match(p.getMatchStarts()[i], p.getMatchEnds()[i], p.getMatchTerms()[i].utf8ToString()));
        }
      }
      return out;
    }
  }

  /** The field infos of the searcher last highlighted on: merging them over every segment costs more than the highlighting. */
  private volatile MergedInfos merged;

  private record MergedInfos(org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.FieldInfos infos) {}

  private org.apache.lucene.index.FieldInfos fieldInfos(IndexSearcher s) {
    MergedInfos m = merged;
    if (m == null || m.reader() != s.getIndexReader()) {
      m = new MergedInfos(s.getIndexReader(), org.apache.lucene.index.FieldInfos.getMergedFieldInfos(s.getIndexReader()));
      merged = m;
    }
    return m.infos();
  }

  /** The fewest hits a thread of a parallel search is given to highlight. */
  static final int MIN_HITS_PER_THREAD = 3;

  /**
   * The hits of a page, in its order, their headline marks and body snippets made. On a searcher
   * that searches on several threads, the page is cut into runs of hits highlighted in parallel
   * (a hit's marks and snippet depend on its own text and the query alone).
   */
  List<SearchPage.Hit> hits(IndexSearcher s, Query highlightQuery, int[] docIds, float[] scores) throws IOException {
    return SlicedSearcher.inRuns(s, docIds.length, MIN_HITS_PER_THREAD, (from, to) -> hitsInOneRun(
        s, highlightQuery, java.util.Arrays.copyOfRange(docIds, from, to), java.util.Arrays.copyOfRange(scores, from, to)));
  }

  private List<SearchPage.Hit> hitsInOneRun(IndexSearcher s, Query highlightQuery, int[] docIds, float[] scores)
      throws IOException {
    // each hit's stored document is read (decompressed) once: the highlighter takes the headline
    // and body from it instead of reading them again
    Map<Integer, Document> docs = new java.util.HashMap<>(docIds.length * 2);
    for (int id : docIds) {
      docs.computeIfAbsent(id, x -> {
        try {
          return StoredDocs.read(s.storedFields(), x);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    Object[] titleMatches = null;
    Object[] bodyMatches = null;
    boolean any = highlightQuery instanceof BooleanQuery bq && !bq.clauses().isEmpty();
    if (any && docIds.length > 0 && postingsMarks) {
      PostingsMarks marks = PostingsMarks.of(s.rewrite(highlightQuery));
      if (marks != null) {
        String[] titles = new String[docIds.length];
        String[] bodies = new String[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
          Document d = docs.get(docIds[i]);
          titles[i] = d.get(Fields.TITLE);
          bodies[i] = d.get(Fields.BODY);
        }
        Object[] t = marks.read(s, Fields.TITLE, docIds, titles);
        Object[] b = t == null ? null : marks.read(s, Fields.BODY, docIds, bodies);
        if (b != null) {
          titleMatches = t;
          bodyMatches = b;
          postingsMarked.incrementAndGet();
        }
      }
    }
    if (any && docIds.length > 0 && bodyMatches == null) {
      MatchHighlighter uh =
          new MatchHighlighter(UnifiedHighlighter.builder(s, analyzer)
              .withFormatter(new Matches())
              .withBreakIterator(WholeBreakIterator::new)
              .withMaxLength(Integer.MAX_VALUE - 1)
              .withHighlightPhrasesStrictly(true)
              .withFieldMatcher(f -> true), docs, fieldInfos(s));
      Map<String, Object[]> m =
          uh.highlightFieldsAsObjects(new String[] {Fields.TITLE, Fields.BODY}, highlightQuery, docIds, new int[] {1, 1});
      titleMatches = m.get(Fields.TITLE);
      bodyMatches = m.get(Fields.BODY);
    }
    List<SearchPage.Hit> hits = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      Document d = docs.get(docIds[i]);
      Article a = LuceneNewsIndex.fromDocument(d);
      Snippet title = SnippetMaker.whole(a.title(), matchesOf(titleMatches, i));
      Snippet body = SnippetMaker.best(a.body(), matchesOf(bodyMatches, i), SnippetMaker.DEFAULT_WIDTH);
      hits.add(
          new SearchPage.Hit(
              a.id(), a.title(), title, a.press(), a.reporters(), a.dateline(), a.publishedAt(), a.url(), a.section(), body, scores[i]));
    }
    return hits;
  }

  /** Exposes the highlighter's per-field objects (our {@link Matches}); field values come from the loaded hits. */
  private static final class MatchHighlighter extends UnifiedHighlighter {
    private final Map<Integer, Document> loaded;
    private final org.apache.lucene.index.FieldInfos infos;

    MatchHighlighter(UnifiedHighlighter.Builder b, Map<Integer, Document> loaded, org.apache.lucene.index.FieldInfos infos) {
      super(b);
      this.loaded = loaded;
      this.infos = infos;
    }

    @Override
    protected org.apache.lucene.index.FieldInfo getFieldInfo(String field) {
      return infos.fieldInfo(field);
    }

    @Override
    public Map<String, Object[]> highlightFieldsAsObjects(String[] fields, Query query, int[] docIds, int[] maxPassages)
        throws IOException {
      return super.highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }

    /** Offsets from the postings, with the query's weight made once per segment (see {@link LeafWeights}). */
    @Override
    protected org.apache.lucene.search.uhighlight.FieldOffsetStrategy getOffsetStrategy(
        OffsetSource offsetSource, org.apache.lucene.search.uhighlight.UHComponents components) {
      return offsetSource == OffsetSource.POSTINGS ? new LeafWeights(components) : super.getOffsetStrategy(offsetSource, components);
    }

    /** The stored values, as the default reads them ("" when missing), from the documents already read. */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
        throws IOException {
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        Document d = loaded.get(doc);
        if (d == null) {
          d = StoredDocs.read(searcher.storedFields(), doc, java.util.Set.of(fields));
        }
        CharSequence[] values = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          String[] v = d.getValues(fields[f]);
          values[f] = v.length == 0 ? "" : v.length == 1 ? v[0] : String.join(String.valueOf(MULTIVAL_SEP_CHAR), v);
        }
        out.add(values);
      }
      return out;
    }
  }

  /**
   * The highlighter's offsets from the postings as its own strategy finds them (the query's matches
   * in a document, every field's terms read from the highlighted field), but with the query's
   * weight made once per segment and field rather than once per hit: making it looks every term up
   * in the segment, which was most of the highlighting time of a page.
   */
  private static final class LeafWeights extends org.apache.lucene.search.uhighlight.PostingsOffsetStrategy {
    private final Map<LeafReader, Object[]> perLeaf = new java.util.IdentityHashMap<>();

    LeafWeights(org.apache.lucene.search.uhighlight.UHComponents components) {
      super(components);
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(LeafReader leaf, int docId, List<OffsetsEnum> results) throws IOException {
      Object[] readerAndWeight = perLeaf.get(leaf);
      if (readerAndWeight == null) {
        LeafReader remapped = new FilterLeafReader(leaf) {
          @Override
          public Terms terms(String field) throws IOException {
            return super.terms(components.getFieldMatcher().test(field) ? components.getField() : field);
          }

          @Override
          public CacheHelper getCoreCacheHelper() {
            return null;
          }

          @Override
          public CacheHelper getReaderCacheHelper() {
            return null;
          }
        };
        IndexSearcher searcher = new IndexSearcher(remapped);
        searcher.setQueryCache(null);
        Weight weight = searcher.rewrite(components.getQuery()).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        readerAndWeight = new Object[] {remapped, weight};
        perLeaf.put(leaf, readerAndWeight);
      }
      LeafReader remapped = (LeafReader) readerAndWeight[0];
      org.apache.lucene.search.Matches matches = ((Weight) readerAndWeight[1]).matches(remapped.getContext(), docId);
      if (matches == null) {
        return; // the document does not match
      }
      for (String field : matches) {
        if (components.getFieldMatcher().test(field)) {
          MatchesIterator iterator = matches.getMatches(field);
          if (iterator != null) {
            results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<SnippetMaker.Match> matchesOf(Object[] perDoc, int i) {
    if (perDoc == null || perDoc[i] == null) {
      return List.of();
    }
    return (List<SnippetMaker.Match>) perDoc[i];
  }
}

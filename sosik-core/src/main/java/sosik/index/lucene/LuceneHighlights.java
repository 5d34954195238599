package sosik.index.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
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

  List<SearchPage.Hit> hits(IndexSearcher s, Query highlightQuery, int[] docIds, float[] scores) throws IOException {
    Object[] titleMatches = null;
    Object[] bodyMatches = null;
    boolean any = highlightQuery instanceof BooleanQuery bq && !bq.clauses().isEmpty();
    if (any && docIds.length > 0) {
      MatchHighlighter uh =
          new MatchHighlighter(UnifiedHighlighter.builder(s, analyzer)
              .withFormatter(new Matches())
              .withBreakIterator(WholeBreakIterator::new)
              .withMaxLength(Integer.MAX_VALUE - 1)
              .withHighlightPhrasesStrictly(true)
              .withFieldMatcher(f -> true));
      Map<String, Object[]> m =
          uh.highlightFieldsAsObjects(new String[] {Fields.TITLE, Fields.BODY}, highlightQuery, docIds, new int[] {1, 1});
      titleMatches = m.get(Fields.TITLE);
      bodyMatches = m.get(Fields.BODY);
    }
    List<SearchPage.Hit> hits = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      Document d = s.storedFields().document(docIds[i]);
      Article a = LuceneNewsIndex.fromDocument(d);
      Snippet title = SnippetMaker.whole(a.title(), matchesOf(titleMatches, i));
      Snippet body = SnippetMaker.best(a.body(), matchesOf(bodyMatches, i), SnippetMaker.DEFAULT_WIDTH);
      hits.add(
          new SearchPage.Hit(
              a.id(), a.title(), title, a.press(), a.reporters(), a.dateline(), a.publishedAt(), a.url(), a.section(), body, scores[i]));
    }
    return hits;
  }

  /** Exposes the highlighter's per-field objects (our {@link Matches}). */
  private static final class MatchHighlighter extends UnifiedHighlighter {
    MatchHighlighter(UnifiedHighlighter.Builder b) {
      super(b);
    }

    @Override
    public Map<String, Object[]> highlightFieldsAsObjects(String[] fields, Query query, int[] docIds, int[] maxPassages)
        throws IOException {
      return super.highlightFieldsAsObjects(fields, query, docIds, maxPassages);
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

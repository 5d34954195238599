package sosik.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import sosik.index.Keys;
import sosik.search.PortalQuery;
import sosik.search.SearchRequest;

/** Turns a {@link PortalQuery} and a request's filters into Lucene queries. */
final class LuceneQueryBuilder {
  /** Headline matches weigh this much more than body matches. */
  static final float TITLE_BOOST = 2.0f;

  private final Analyzer analyzer;

  LuceneQueryBuilder(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The query without filters; match-all when it has no positive clause. */
  Query textQuery(PortalQuery q, boolean titleOnly) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = false;
    for (PortalQuery.Clause c : q.clauses()) {
      BooleanQuery.Builder alts = new BooleanQuery.Builder();
      int n = 0;
      for (PortalQuery.Term t : c.alternatives()) {
        Query tq = termQuery(t, titleOnly);
        if (tq != null) {
          alts.add(tq, BooleanClause.Occur.SHOULD);
          n++;
        }
      }
      if (n == 0) {
        continue; // only particles or punctuation: nothing to match on
      }
      if (c.exclude()) {
        b.add(alts.build(), BooleanClause.Occur.MUST_NOT);
      } else {
        b.add(alts.build(), BooleanClause.Occur.MUST);
        positive = true;
      }
    }
    if (!positive) {
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    }
    return b.build();
  }

  /** Only the words to mark in snippets: positive headline/body terms. */
  Query highlightQuery(PortalQuery q, boolean titleOnly) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (PortalQuery.Clause c : q.clauses()) {
      if (c.exclude()) {
        continue;
      }
      for (PortalQuery.Term t : c.alternatives()) {
        if (t.field() == PortalQuery.Field.TEXT || t.field() == PortalQuery.Field.TITLE) {
          Query tq = termQuery(t, titleOnly);
          if (tq != null) {
            b.add(tq, BooleanClause.Occur.SHOULD);
          }
        }
      }
    }
    return b.build();
  }

  /** Press (any of) and period filters; null when there are none. */
  Query pressFilter(SearchRequest r) {
    if (r.press().isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String p : r.press()) {
      String k = Keys.of(p);
      if (k != null) {
        b.add(new TermQuery(new Term(Fields.PRESS_KEY, k)), BooleanClause.Occur.SHOULD);
      }
    }
    return b.build();
  }

  Query periodFilter(SearchRequest r) {
    if (r.from() == null && r.to() == null) {
      return null;
    }
    long from = r.from() == null ? Long.MIN_VALUE : r.from().toEpochMilli();
    long to = r.to() == null ? Long.MAX_VALUE : r.to().toEpochMilli();
    return LongPoint.newRangeQuery(Fields.PUBLISHED, from, to);
  }

  private Query termQuery(PortalQuery.Term t, boolean titleOnly) {
    switch (t.field()) {
      case PRESS -> {
        String k = Keys.of(t.text());
        return k == null ? null : new TermQuery(new Term(Fields.PRESS_KEY, k));
      }
      case REPORTER -> {
        String k = Keys.of(t.text().replaceFirst("\\s*기자$", ""));
        return k == null ? null : new TermQuery(new Term(Fields.REPORTER_KEY, k));
      }
      case TITLE -> {
        return analyzed(Fields.TITLE, t.text());
      }
      default -> {
        Query title = analyzed(Fields.TITLE, t.text());
        if (title == null) {
          return null;
        }
        if (titleOnly) {
          return title;
        }
        return new BooleanQuery.Builder()
            .add(new BoostQuery(title, TITLE_BOOST), BooleanClause.Occur.SHOULD)
            .add(analyzed(Fields.BODY, t.text()), BooleanClause.Occur.SHOULD)
            .build();
      }
    }
  }

  /** A term query for one token, a phrase for several (a word Nori splits, or a quoted phrase). */
  Query analyzed(String field, String text) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        terms.add(term.toString());
        positions.add(pos);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (terms.isEmpty()) {
      return null;
    }
    if (terms.size() == 1) {
      return new TermQuery(new Term(field, terms.get(0)));
    }
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    for (int i = 0; i < terms.size(); i++) {
      pb.add(new Term(field, terms.get(i)), positions.get(i));
    }
    return pb.build();
  }
}

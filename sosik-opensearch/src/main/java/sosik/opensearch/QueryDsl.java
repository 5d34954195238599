package sosik.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene queries Sosik builds (the embedded index's own, from {@code LuceneQueryBuilder}) in
 * OpenSearch's query language, clause for clause, so that both backends run the same query on the
 * same terms: a term query per analysed token, a phrase of exact terms through the plugin's {@code
 * sosik_terms} analyzer, boosts and minimum-should-match as they are.
 */
final class QueryDsl {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** The analyzer that splits a phrase of already analysed terms on spaces (see the mapping). */
  static final String TERMS_ANALYZER = "sosik_terms";

  private QueryDsl() {}

  static ObjectNode of(Query q) {
    if (q instanceof BooleanQuery b) {
      return bool(b);
    }
    if (q instanceof BoostQuery bq) {
      ObjectNode inner = F.objectNode();
      inner.putArray("must").add(of(bq.getQuery()));
      inner.put("boost", bq.getBoost());
      return wrap("bool", inner);
    }
    if (q instanceof ConstantScoreQuery cs) {
      ObjectNode inner = F.objectNode();
      inner.set("filter", of(cs.getQuery()));
      return wrap("constant_score", inner);
    }
    if (q instanceof TermQuery tq) {
      Term t = tq.getTerm();
      ObjectNode value = F.objectNode().put("value", t.text());
      return wrap("term", F.objectNode().set(t.field(), value));
    }
    if (q instanceof PhraseQuery pq) {
      return phrase(pq);
    }
    if (q instanceof MatchAllDocsQuery) {
      return wrap("match_all", F.objectNode());
    }
    if (q instanceof org.apache.lucene.queries.spans.SpanQuery sq) {
      return span(sq);
    }
    if (q instanceof sosik.index.lucene.LeadQuery lead) {
      return span(lead.spanFirst()); // the embedded index's faster form of the same span query
    }
    throw new IllegalArgumentException("no OpenSearch form for the query " + q + " (" + q.getClass().getSimpleName() + ")");
  }

  /** Span queries (the lead bonus: a word's tokens in order within the body's first positions). */
  private static ObjectNode span(org.apache.lucene.queries.spans.SpanQuery q) {
    if (q instanceof org.apache.lucene.queries.spans.SpanTermQuery st) {
      return wrap("span_term", F.objectNode().put(st.getTerm().field(), st.getTerm().text()));
    }
    if (q instanceof org.apache.lucene.queries.spans.SpanNearQuery sn) {
      ObjectNode near = F.objectNode();
      ArrayNode clauses = near.putArray("clauses");
      for (org.apache.lucene.queries.spans.SpanQuery c : sn.getClauses()) {
        clauses.add(span(c));
      }
      near.put("slop", sn.getSlop());
      near.put("in_order", sn.isInOrder());
      return wrap("span_near", near);
    }
    if (q instanceof org.apache.lucene.queries.spans.SpanFirstQuery sf) {
      ObjectNode first = F.objectNode();
      first.set("match", span(sf.getMatch()));
      first.put("end", sf.getEnd());
      return wrap("span_first", first);
    }
    throw new IllegalArgumentException("no OpenSearch form for the span query " + q + " (" + q.getClass().getSimpleName() + ")");
  }

  private static ObjectNode bool(BooleanQuery b) {
    if (b.clauses().isEmpty()) {
      return wrap("match_none", F.objectNode()); // Lucene's empty boolean query matches nothing
    }
    ObjectNode inner = F.objectNode();
    for (BooleanClause c : b.clauses()) {
      String occur = switch (c.getOccur()) {
        case MUST -> "must";
        case SHOULD -> "should";
        case FILTER -> "filter";
        case MUST_NOT -> "must_not";
      };
      ArrayNode list = inner.has(occur) ? (ArrayNode) inner.get(occur) : inner.putArray(occur);
      list.add(of(c.getQuery()));
    }
    if (b.getMinimumNumberShouldMatch() > 0) {
      inner.put("minimum_should_match", b.getMinimumNumberShouldMatch());
    }
    boolean positive = b.clauses().stream().anyMatch(c -> c.getOccur() != BooleanClause.Occur.MUST_NOT);
    if (!positive) {
      // Lucene matches nothing with prohibitions alone; OpenSearch would add "everything"
      return wrap("match_none", F.objectNode());
    }
    return wrap("bool", inner);
  }

  private static ObjectNode phrase(PhraseQuery pq) {
    Term[] terms = pq.getTerms();
    int[] positions = pq.getPositions();
    if (terms.length == 0) {
      return wrap("match_none", F.objectNode());
    }
    boolean consecutive = true;
    for (int i = 1; i < positions.length; i++) {
      consecutive &= positions[i] == positions[i - 1] + 1;
    }
    String field = terms[0].field();
    if (consecutive && positions[0] == 0) {
      List<String> words = new ArrayList<>();
      for (Term t : terms) {
        words.add(t.text());
      }
      ObjectNode p = F.objectNode()
          .put("query", String.join(" ", words))
          .put("analyzer", TERMS_ANALYZER)
          .put("slop", pq.getSlop());
      return wrap("match_phrase", F.objectNode().set(field, p));
    }
    // positions with gaps: spans in order, the gaps added to the slop
    ObjectNode near = F.objectNode();
    ArrayNode clauses = near.putArray("clauses");
    int gaps = 0;
    for (int i = 0; i < terms.length; i++) {
      clauses.add(wrap("span_term", F.objectNode().put(field, terms[i].text())));
      if (i > 0) {
        gaps += positions[i] - positions[i - 1] - 1;
      }
    }
    near.put("slop", pq.getSlop() + gaps);
    near.put("in_order", true);
    return wrap("span_near", near);
  }

  /**
   * {@code q} with each score multiplied by the freshness factor {@code 1 + W × 0.5^(age / H)},
   * exactly as the embedded index computes it: a constant 1, plus W times an {@code exp} decay
   * (decay 0.5 at {@code scale} H, no offset, from {@code now}) for articles dated up to {@code
   * now}, plus W for articles dated after it (their age counts as 0); summed, then multiplied with
   * the text score. An undated article matches neither filter: ×1.
   */
  static ObjectNode fresh(ObjectNode q, sosik.search.Freshness f, long nowMillis) {
    ObjectNode fs = F.objectNode();
    fs.set("query", q);
    ArrayNode functions = fs.putArray("functions");
    functions.addObject().put("weight", 1);
    ObjectNode past = functions.addObject();
    past.set("filter", wrap("range", F.objectNode().set("published", F.objectNode().put("lte", nowMillis))));
    past.putObject("exp").putObject("published")
        .put("origin", nowMillis)
        .put("scale", f.halfLifeMillis() + "ms")
        .put("offset", "0ms")
        .put("decay", 0.5);
    past.put("weight", f.weight());
    ObjectNode future = functions.addObject();
    future.set("filter", wrap("range", F.objectNode().set("published", F.objectNode().put("gt", nowMillis))));
    future.put("weight", f.weight());
    fs.put("score_mode", "sum");
    fs.put("boost_mode", "multiply");
    return wrap("function_score", fs);
  }

  static ObjectNode wrap(String name, ObjectNode inner) {
    ObjectNode o = F.objectNode();
    o.set(name, inner);
    return o;
  }
}

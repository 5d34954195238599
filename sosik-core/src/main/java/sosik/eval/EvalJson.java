package sosik.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON forms of an evaluation.
 *
 * <ul>
 *   <li>A summary is exactly {@code {"ndcg@10", "mrr@10", "recall@10", "recall@100", "queries"}}:
 *       the four means (0 to 1) and the number of queries averaged over.
 *   <li>A per-query line is {@code {"backend", "qid", "query", "first_relevant_rank", "relevant",
 *       "relevant_in_10", "relevant_in_100", "relaxed", "failed", "ids"}}: the rank (1-based) of the
 *       first relevant id returned or null, the size of the relevant set, how many of it are in the
 *       top 10 and top 100, and the ids returned, best first (at most 100).
 * </ul>
 */
public final class EvalJson {
  /** The keys of a summary, in order. */
  public static final String[] SUMMARY_KEYS = {"ndcg@10", "mrr@10", "recall@10", "recall@100", "queries"};

  private EvalJson() {}

  public static ObjectNode summary(ObjectMapper json, EvalRunner.Summary s) {
    ObjectNode o = json.createObjectNode();
    o.put("ndcg@10", s.ndcg10());
    o.put("mrr@10", s.mrr10());
    o.put("recall@10", s.recall10());
    o.put("recall@100", s.recall100());
    o.put("queries", s.queries());
    return o;
  }

  public static ObjectNode perQuery(ObjectMapper json, String backend, EvalRunner.QueryResult r) {
    ObjectNode o = json.createObjectNode();
    o.put("backend", backend);
    o.put("qid", r.query().qid());
    o.put("query", r.query().query());
    if (r.firstRelevantRank() > 0) {
      o.put("first_relevant_rank", r.firstRelevantRank());
    } else {
      o.putNull("first_relevant_rank");
    }
    o.put("relevant", r.query().relevant().size());
    o.put("relevant_in_10", Metrics.hits(r.ids(), r.query().relevant(), 10));
    o.put("relevant_in_100", Metrics.hits(r.ids(), r.query().relevant(), 100));
    o.put("relaxed", r.relaxed());
    o.put("failed", r.failed());
    ArrayNode ids = o.putArray("ids");
    r.ids().forEach(ids::add);
    return o;
  }
}

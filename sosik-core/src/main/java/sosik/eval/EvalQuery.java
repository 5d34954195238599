package sosik.eval;

import java.util.Set;

/**
 * One evaluation query: its id, its text as a user would type it, and the ids of the documents
 * that answer it (binary relevance).
 */
public record EvalQuery(String qid, String query, Set<String> relevant) {
  public EvalQuery {
    relevant = Set.copyOf(relevant);
  }
}

package sosik.eval;

import java.util.Set;

/**
 * One evaluation query: its id, its text as a user would type it, and the ids of the documents
 * that answer it. {@code grades} holds graded judgments (0 not relevant, 1 relevant, 2 highly
 * relevant, 3 the best answer); without them every relevant id counts 1.
 */
public record EvalQuery(String qid, String query, Set<String> relevant, java.util.Map<String, Integer> grades) {
  public EvalQuery {
    relevant = Set.copyOf(relevant);
    java.util.Map<String, Integer> g = new java.util.HashMap<>();
    for (String id : relevant) {
      g.put(id, 1);
    }
    if (grades != null) {
      g.putAll(grades);
    }
    grades = java.util.Map.copyOf(g);
  }

  /** Binary relevance: each id of {@code relevant} counts 1. */
  public EvalQuery(String qid, String query, Set<String> relevant) {
    this(qid, query, relevant, null);
  }
}

package sosik.eval;

import java.util.List;

/**
 * A corpus and the queries to run against it.
 *
 * @param docs     the documents, one per id
 * @param queries  the queries, in file order
 * @param warnings what was skipped while reading (bad lines, duplicate ids), one line each
 */
public record EvalSet(List<EvalDoc> docs, List<EvalQuery> queries, List<String> warnings) {
  public EvalSet {
    docs = List.copyOf(docs);
    queries = List.copyOf(queries);
    warnings = List.copyOf(warnings);
  }
}

package sosik.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metrics on lists small enough to work out by hand (log2 3 = 1.58496, log2 4 = 2, log2 5 = 2.32193). */
class MetricsTest {
  static final double EPS = 1e-9;

  @Test
  void graded_ndcg_uses_gain_two_to_the_grade_minus_one_and_the_ideal_order() {
    java.util.Map<String, Integer> g = java.util.Map.of("a", 2, "b", 1, "c", 0);
    // ideal: a (3) then b (1): 3 + 1/log2(3)
    double ideal = 3 + 1 / (Math.log(3) / Math.log(2));
    assertThat(Metrics.ndcg(List.of("a", "b", "c"), g, 10)).isCloseTo(1.0, within(EPS));
    assertThat(Metrics.ndcg(List.of("b", "a"), g, 10)).isCloseTo((1 + 3 / (Math.log(3) / Math.log(2))) / ideal, within(EPS));
    assertThat(Metrics.ndcg(List.of("c", "x"), g, 10)).isZero();
    // grades of 1 only: the binary figure
    assertThat(Metrics.ndcg(List.of("x", "b"), java.util.Map.of("b", 1), 10))
        .isCloseTo(Metrics.ndcg(List.of("x", "b"), java.util.Set.of("b"), 10), within(EPS));
  }

  @Test
  void ndcg_of_one_relevant_document_is_one_over_log2_of_rank_plus_one() {
    Set<String> rel = Set.of("b");
    assertThat(Metrics.ndcg(List.of("b", "a", "c"), rel, 10)).isCloseTo(1.0, within(EPS));
    assertThat(Metrics.ndcg(List.of("a", "b", "c"), rel, 10)).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(EPS)); // 0.63093
    assertThat(Metrics.ndcg(List.of("a", "c", "b"), rel, 10)).isCloseTo(0.5, within(EPS)); // 1 / log2 4
    assertThat(Metrics.ndcg(List.of("a", "c", "b"), rel, 2)).isZero(); // b is past the cut
    assertThat(Metrics.ndcg(List.of(), rel, 10)).isZero();
  }

  @Test
  void ndcg_with_two_relevant_documents_divides_by_the_ideal_list() {
    Set<String> rel = Set.of("x", "y");
    // found at ranks 1 and 3: (1 + 1/2) / (1 + 1/log2 3) = 1.5 / 1.63093 = 0.91972
    assertThat(Metrics.ndcg(List.of("x", "a", "y"), rel, 10)).isCloseTo(1.5 / (1 + 1 / (Math.log(3) / Math.log(2))), within(EPS));
    assertThat(Metrics.ndcg(List.of("y", "x"), rel, 10)).isCloseTo(1.0, within(EPS));
    // only the ideal's first place fits in k = 1
    assertThat(Metrics.ndcg(List.of("x"), rel, 1)).isCloseTo(1.0, within(EPS));
  }

  @Test
  void reciprocal_rank_recall_and_precision() {
    Set<String> rel = Set.of("c", "e");
    List<String> ranked = List.of("a", "b", "c", "d", "e");
    assertThat(Metrics.firstRelevantRank(ranked, rel)).isEqualTo(3);
    assertThat(Metrics.reciprocalRank(ranked, rel, 10)).isCloseTo(1 / 3.0, within(EPS));
    assertThat(Metrics.reciprocalRank(ranked, rel, 2)).isZero();
    assertThat(Metrics.recall(ranked, rel, 3)).isCloseTo(0.5, within(EPS));
    assertThat(Metrics.recall(ranked, rel, 10)).isCloseTo(1.0, within(EPS));
    assertThat(Metrics.precision(ranked, rel, 5)).isCloseTo(0.4, within(EPS));
    // an empty place counts as a wrong one
    assertThat(Metrics.precision(ranked, rel, 10)).isCloseTo(0.2, within(EPS));
    assertThat(Metrics.firstRelevantRank(List.of("a"), rel)).isZero();
  }

  @Test
  void a_document_listed_twice_counts_once_at_its_first_rank() {
    Set<String> rel = Set.of("b");
    assertThat(Metrics.firstRelevantRank(List.of("a", "a", "b"), rel)).isEqualTo(2);
    assertThat(Metrics.ndcg(List.of("a", "a", "b"), rel, 10)).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(EPS));
    assertThat(Metrics.hits(List.of("b", "b"), rel, 10)).isEqualTo(1);
  }

  @Test
  void the_runner_averages_over_queries_and_leaves_out_those_without_relevant_ids() throws Exception {
    RetrievalSystem fixed = new RetrievalSystem() {
      @Override
      public String name() {
        return "fixed";
      }

      @Override
      public Result search(String query, int k) {
        return Result.of(List.of("a", "b", "c"));
      }
    };
    List<EvalQuery> qs = List.of(
        new EvalQuery("1", "q", Set.of("a")), // nDCG 1, RR 1
        new EvalQuery("2", "q", Set.of("c")), // nDCG 0.5, RR 1/3
        new EvalQuery("3", "q", Set.of("z")), // nothing found
        new EvalQuery("4", "q", Set.of())); // left out
    EvalRunner.Summary s = EvalRunner.run(fixed, qs).summary();
    assertThat(s.queries()).isEqualTo(3);
    assertThat(s.skipped()).isEqualTo(1);
    assertThat(s.ndcg10()).isCloseTo((1 + 0.5 + 0) / 3, within(EPS));
    assertThat(s.mrr10()).isCloseTo((1 + 1 / 3.0 + 0) / 3, within(EPS));
    assertThat(s.recall10()).isCloseTo(2 / 3.0, within(EPS));
    assertThat(s.precision10()).isCloseTo((0.1 + 0.1 + 0) / 3, within(EPS));
  }
}

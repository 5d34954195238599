package sosik.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.testing.SharedData;

/**
 * Sosik against stock Nori on the real KorQuAD dev paragraphs and questions (../shared/data, read
 * where they lie): Sosik's search path must rank at least as well, and not fall below a floor a
 * little under what docs/QUALITY.md reports (0.9705 nDCG@10 for Sosik, 0.9608 for stock Nori).
 * Skipped without the shared data, except on CI.
 */
class KorquadQualityTest {
  static final String PARAGRAPHS = "data/korquad-v1-dev/paragraphs.jsonl";
  static final String QUESTIONS = "data/korquad-v1-dev/questions-dev.jsonl";
  /** Measured 0.9705 (docs/QUALITY.md); the floor leaves room for small analyser changes. */
  static final double SOSIK_FLOOR = 0.965;

  @TempDir Path dir;

  @Test
  void sosik_ranks_the_right_paragraph_at_least_as_well_as_stock_nori() throws IOException {
    EvalSet set = EvalFiles.read(SharedData.file(PARAGRAPHS), SharedData.file(QUESTIONS));
    assertThat(set.docs()).hasSize(964);
    assertThat(set.queries()).hasSize(2_580);

    EvalRunner.Summary sosik;
    try (SosikSystem s = SosikSystem.build(dir, set.docs())) {
      sosik = EvalRunner.run(s, set.queries()).summary();
    }
    EvalRunner.Summary nori;
    try (LuceneBaseline n = LuceneBaseline.nori(set.docs())) {
      nori = EvalRunner.run(n, set.queries()).summary();
    }
    System.out.printf("korquad-v1-dev: nDCG@10 sosik %.4f, stock nori %.4f; MRR@10 %.4f, %.4f; relaxed %,d of %,d%n",
        sosik.ndcg10(), nori.ndcg10(), sosik.mrr10(), nori.mrr10(), sosik.relaxed(), sosik.queries());

    assertThat(sosik.queries()).isEqualTo(2_580);
    assertThat(sosik.ndcg10()).isGreaterThanOrEqualTo(nori.ndcg10()).isGreaterThanOrEqualTo(SOSIK_FLOOR);
    assertThat(sosik.mrr10()).isGreaterThanOrEqualTo(nori.mrr10());
  }
}

package sosik.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.testing.SharedData;

/**
 * The hand-judged news queries of {@code eval/news-queries.jsonl} against the company-news-2019
 * articles (../shared/data, read where they lie): every judged id is an article of the corpus, and
 * Sosik ranks clearly better than stock Nori (docs/QUALITY.md: 0.9336 nDCG@10 against 0.8445).
 * Skipped without the shared data, except on CI.
 */
class NewsQueriesTest {
  static final Path QUERIES = Path.of("..", "eval", "news-queries.jsonl");

  @TempDir Path dir;

  @Test
  void the_judged_queries_name_real_articles_and_sosik_beats_stock_nori_by_a_clear_margin() throws IOException {
    EvalSet corpus = CompanyNews.load(SharedData.dir().resolve("data/company-news-2019"));
    var queries = EvalFiles.readQueries(QUERIES);
    assertThat(queries).hasSizeGreaterThanOrEqualTo(100);
    Set<String> ids = new HashSet<>();
    corpus.docs().forEach(d -> ids.add(d.id()));
    for (EvalQuery q : queries) {
      assertThat(q.relevant()).as(q.qid() + " has a relevant article").isNotEmpty();
      assertThat(ids).as(q.qid() + ": judged ids are articles of the corpus").containsAll(q.grades().keySet());
    }

    EvalRunner.Summary sosik;
    try (SosikSystem s = SosikSystem.build(dir, corpus.docs())) {
      sosik = EvalRunner.run(s, queries).summary();
    }
    EvalRunner.Summary nori;
    try (LuceneBaseline n = LuceneBaseline.nori(corpus.docs())) {
      nori = EvalRunner.run(n, queries).summary();
    }
    System.out.printf("news queries: nDCG@10 sosik %.4f, stock nori %.4f; MRR@10 %.4f, %.4f%n",
        sosik.ndcg10(), nori.ndcg10(), sosik.mrr10(), nori.mrr10());
    assertThat(sosik.ndcg10()).isGreaterThanOrEqualTo(nori.ndcg10() + 0.05).isGreaterThanOrEqualTo(0.92);
    assertThat(sosik.mrr10()).isGreaterThanOrEqualTo(nori.mrr10());
  }
}

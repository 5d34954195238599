package sosik.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole evaluation on a hand-written corpus (src/test/resources/eval/tiny: six short texts
 * about an island village) whose rankings are fixed by construction, so every figure is worked out
 * by hand:
 *
 * <ul>
 *   <li>q1 등대, relevant d1 and d3: only they hold 등대, both come first in some order; nDCG 1, RR 1.
 *   <li>q2 항구 축제, relevant d2: d4 says 항구 축제 in its title and three times in its body, d2
 *       once in its body, so d2 is second: nDCG 1/log2 3 = 0.63093, RR 1/2.
 *   <li>q3 우주 정거장, relevant document 6 (a number id), which has 우주 but not 정거장. A two-word
 *       keyword query: Sosik requires both words and finds nothing (0, 0); stock Nori's disjunction
 *       finds 6 first (1, 1).
 *   <li>q4 등대지기 할아버지가 키우는 동물은 무엇인가?, relevant d3: no text has 동물, so no article holds
 *       every word; the question is answered relaxed and d3 comes first (1, 1).
 * </ul>
 *
 * Sosik: nDCG@10 = (1 + 0.63093 + 0 + 1) / 4 = 0.65773, MRR@10 = (1 + 0.5 + 0 + 1) / 4 = 0.625,
 * Recall@10 = Recall@100 = 3/4, P@10 = (2/10 + 1/10 + 0 + 1/10) / 4 = 0.1. Stock Nori: nDCG@10 =
 * (1 + 0.63093 + 1 + 1) / 4 = 0.90773, MRR@10 = 0.875, Recall@10 = 1.
 */
class TinyCorpusEvalTest {
  static final double EPS = 1e-4;
  static final double NDCG_RANK_2 = 1 / (Math.log(3) / Math.log(2));

  @TempDir static Path dir;
  static EvalSet set;

  static Path resource(String name) throws URISyntaxException {
    return Path.of(TinyCorpusEvalTest.class.getResource("/eval/tiny/" + name).toURI());
  }

  @BeforeAll
  static void read() throws Exception {
    set = EvalFiles.read(resource("corpus.jsonl"), resource("queries.jsonl"));
  }

  static Map<String, EvalRunner.QueryResult> byQid(EvalRunner.Report r) {
    return r.results().stream().collect(Collectors.toMap(q -> q.query().qid(), Function.identity()));
  }

  @Test
  void the_files_give_six_documents_and_four_queries_with_string_and_number_ids() {
    assertThat(set.docs()).extracting(EvalDoc::id).containsExactly("d1", "d2", "d3", "d4", "d5", "6");
    assertThat(set.queries()).extracting(EvalQuery::qid).containsExactly("q1", "q2", "q3", "q4");
    assertThat(set.queries().get(2).relevant()).containsExactly("6");
    assertThat(set.warnings()).isEmpty();
  }

  @Test
  void sosik_figures_are_the_hand_computed_ones() throws IOException {
    EvalRunner.Report r;
    try (SosikSystem sosik = SosikSystem.build(dir.resolve("sosik"), set.docs())) {
      r = EvalRunner.run(sosik, set.queries());
    }
    Map<String, EvalRunner.QueryResult> q = byQid(r);
    assertThat(q.get("q1").ids()).containsExactlyInAnyOrder("d1", "d3");
    assertThat(q.get("q2").ids()).containsExactly("d4", "d2");
    assertThat(q.get("q3").ids()).isEmpty();
    assertThat(q.get("q4").ids().get(0)).isEqualTo("d3");
    assertThat(q.get("q4").relaxed()).isTrue();
    assertThat(q.get("q1").relaxed()).isFalse();

    EvalRunner.Summary s = r.summary();
    assertThat(s.queries()).isEqualTo(4);
    assertThat(s.relaxed()).isEqualTo(1);
    assertThat(s.ndcg10()).isCloseTo((1 + NDCG_RANK_2 + 0 + 1) / 4, within(EPS)).isCloseTo(0.65773, within(EPS));
    assertThat(s.mrr10()).isCloseTo(0.625, within(EPS));
    assertThat(s.recall10()).isCloseTo(0.75, within(EPS));
    assertThat(s.recall100()).isCloseTo(0.75, within(EPS));
    assertThat(s.precision10()).isCloseTo(0.1, within(EPS));
  }

  @Test
  void stock_nori_figures_are_the_hand_computed_ones() throws IOException {
    EvalRunner.Report r;
    try (LuceneBaseline nori = LuceneBaseline.nori(set.docs())) {
      r = EvalRunner.run(nori, set.queries());
    }
    Map<String, EvalRunner.QueryResult> q = byQid(r);
    assertThat(q.get("q2").ids()).containsExactly("d4", "d2");
    assertThat(q.get("q3").ids()).containsExactly("6");
    EvalRunner.Summary s = r.summary();
    assertThat(s.ndcg10()).isCloseTo(0.90773, within(EPS));
    assertThat(s.mrr10()).isCloseTo(0.875, within(EPS));
    assertThat(s.recall10()).isCloseTo(1.0, within(EPS));
  }

  @Test
  void a_reused_sosik_index_maps_its_articles_back_to_the_corpus_ids() throws IOException {
    Path idx = dir.resolve("reused");
    try (SosikSystem built = SosikSystem.build(idx, set.docs())) {
      assertThat(built.size()).isEqualTo(6);
    }
    try (SosikSystem reopened = SosikSystem.open(idx)) {
      assertThat(reopened.search("천문대", 10).ids()).containsExactly("6");
    }
  }

  @Test
  void a_corpus_line_without_an_id_is_an_error_naming_the_line() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"id\": \"a\", \"title\": \"제목\", \"text\": \"본문\"}\n{\"title\": \"제목\", \"text\": \"본문\"}\n");
    assertThatThrownBy(() -> EvalFiles.readCorpus(bad, new java.util.ArrayList<>()))
        .isInstanceOf(IOException.class).hasMessageContaining("bad.jsonl:2").hasMessageContaining("'id'");
    Path badQueries = dir.resolve("bad-queries.jsonl");
    Files.writeString(badQueries, "{\"qid\": \"1\", \"query\": \"등대\"}\n");
    assertThatThrownBy(() -> EvalFiles.readQueries(badQueries))
        .isInstanceOf(IOException.class).hasMessageContaining(":1:").hasMessageContaining("'relevant'");
  }

  @Test
  void company_news_file_names_give_the_company_queries() {
    assertThat(CompanyNews.queryOf(Path.of("data/카카오/contents.txt"))).isEqualTo("카카오");
    assertThat(CompanyNews.queryOf(Path.of("older-versions/data/삼성전자/contents.txt"))).isEqualTo("삼성전자");
    assertThat(CompanyNews.queryOf(Path.of("data/E1+기업_contents_text.txt"))).isEqualTo("E1");
    assertThat(CompanyNews.queryOf(Path.of("data/E1_contents_text.txt"))).isEqualTo("E1");
    assertThat(CompanyNews.queryOf(Path.of("data/두산모빌리티_contents_text(1).txt"))).isEqualTo("두산모빌리티");
    assertThat(CompanyNews.queryOf(Path.of("data/카카오CIC_contents_text.txt"))).isEqualTo("카카오CIC");
  }
}

package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import sosik.analysis.KoreanNewsAnalyzer;
import sosik.search.PortalQuery;
import sosik.search.PortalQueryParser;

/**
 * A request's words are analysed once for all the queries built from them: the queries are those
 * built with every analysis made afresh, and each text is analysed once per field.
 */
class SharedAnalysesTest {
  /** Sosik's analysis, counting the texts it is given. */
  static final class Counting extends AnalyzerWrapper {
    final Analyzer in = KoreanNewsAnalyzer.withDefaultDictionary();
    final AtomicInteger texts = new AtomicInteger();

    Counting() {
      super(Analyzer.PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return in;
    }

    @Override
    protected Reader wrapReader(String fieldName, Reader reader) {
      texts.incrementAndGet();
      return reader;
    }
  }

  static final List<String> QUERIES = List.of(
      "반도체", "삼성전자 반도체", "\"금리 인상\" -부동산", "현대자동차 | 기아", "+전기차 배터리 수출", "과기부 예산", "MS 클라우드",
      "tkatjdwjswk", "삼성 전자", "한국은행 기준금리 동결 결정 배경");

  record Built(Query strict, Query relaxed, Query highlight) {}

  static Built build(LuceneQueryBuilder b, String text) {
    PortalQuery q = PortalQueryParser.parse(text);
    LuceneQueryBuilder.TextQueries t = b.textQueries(q, false, LongQueryPolicy.DEFAULT);
    return new Built(t.strict(), t.relaxed(), b.highlightQuery(q, false));
  }

  @Test
  void queries_built_on_shared_analyses_are_the_queries_built_afresh() {
    Counting afresh = new Counting();
    Counting shared = new Counting();
    LuceneQueryBuilder one = new LuceneQueryBuilder(afresh);
    LuceneQueryBuilder two = new LuceneQueryBuilder(shared);
    int fewer = 0;
    for (String text : QUERIES) {
      int a0 = afresh.texts.get();
      Built expected = build(one, text);
      int analysedAfresh = afresh.texts.get() - a0;
      int s0 = shared.texts.get();
      Built got = LuceneQueryBuilder.sharingAnalyses(() -> build(two, text));
      int analysedShared = shared.texts.get() - s0;
      assertThat(got).as(text).isEqualTo(expected);
      assertThat(analysedShared).as(text).isPositive().isLessThanOrEqualTo(analysedAfresh);
      if (analysedShared < analysedAfresh) {
        fewer++;
      }
    }
    // the words are analysed again and again without sharing
    assertThat(fewer).isEqualTo(QUERIES.size());
  }

  @Test
  void each_text_is_analysed_once_per_field_and_nothing_outlives_the_build() {
    Counting counting = new Counting();
    LuceneQueryBuilder b = new LuceneQueryBuilder(counting);
    List<Integer> counts = new ArrayList<>();
    LuceneQueryBuilder.sharingAnalyses(() -> {
      b.tokens(Fields.BODY, "반도체 수출");
      counts.add(counting.texts.get());
      b.tokens(Fields.BODY, "반도체 수출");
      b.analyzed(Fields.BODY, "반도체 수출");
      counts.add(counting.texts.get());
      b.analyzed(Fields.TITLE, "반도체 수출");
      counts.add(counting.texts.get());
      // nested: the outer call's analyses
      LuceneQueryBuilder.sharingAnalyses(() -> b.tokens(Fields.TITLE, "반도체 수출"));
      counts.add(counting.texts.get());
      return null;
    });
    assertThat(counts).containsExactly(1, 1, 2, 2);
    // after the build, a text is analysed again
    b.tokens(Fields.BODY, "반도체 수출");
    b.tokens(Fields.BODY, "반도체 수출");
    assertThat(counting.texts.get()).isEqualTo(4);
  }
}

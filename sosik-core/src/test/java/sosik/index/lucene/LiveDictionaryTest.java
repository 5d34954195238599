package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.SearchRequest;

/**
 * A dictionary change taken up by an open index (as a running server has it): queries use the new
 * dictionary at once, the stored articles are re-analysed in the background, and every search
 * meanwhile finds every article it found before.
 */
class LiveDictionaryTest {
  /** Invented; Nori alone cuts it into 솔 + 빛나 + 텍. */
  static final String WORD = "솔빛나노텍";
  static final int ARTICLES = 1500;

  @TempDir Path dir;

  static List<Article> corpus() {
    ArticleNormalizer n = new ArticleNormalizer();
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      String body = i % 3 == 0
          ? WORD + "이 " + i + "번째 공장을 지었다. 지역 일자리가 늘어날 전망이다."
          : "한빛시는 " + i + "번째 공원을 열었다. 주민들은 산책로를 반겼다.";
      out.add(n.normalize(new ArticleDraft("소식 " + i, body, "한빛일보", List.of(), null, "2026-10-01",
          "https://hanbit.example/" + i, null, Map.of())));
    }
    return out;
  }

  long count(LuceneNewsIndex index, String q) throws IOException {
    return index.search(SearchRequest.of(q).withPage(1, 10)).total();
  }

  @Test
  void a_changed_dictionary_file_is_taken_up_while_searches_keep_finding_every_article() throws Exception {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(corpus());
      index.commit();
      long expected = ARTICLES / 3;
      assertThat(count(index, WORD)).isEqualTo(expected);
      assertThat(new LuceneQueryBuilder(index.analyzer()).tokens(Fields.BODY, WORD)).hasSizeGreaterThan(1);

      Files.writeString(dir.resolve(LuceneNewsIndex.USER_DICTIONARY), WORD + "\n", StandardCharsets.UTF_8);
      Thread.sleep(1100); // the file is looked at again at most once a second

      List<Long> seen = new ArrayList<>();
      long deadline = System.nanoTime() + 60_000_000_000L;
      do {
        seen.add(count(index, WORD));
      } while ((index.reanalysis().running() || index.reanalysis().total() == 0) && System.nanoTime() < deadline);

      assertThat(new LuceneQueryBuilder(index.analyzer()).tokens(Fields.BODY, WORD)).containsExactly(WORD.toLowerCase());
      assertThat(seen).as("every search during the re-analysis").containsOnly(expected);
      LuceneNewsIndex.Reanalysis done = index.reanalysis();
      assertThat(done.running()).isFalse();
      assertThat(done.done()).isEqualTo(ARTICLES);
      assertThat(done.total()).isEqualTo(ARTICLES);
      assertThat(count(index, WORD)).isEqualTo(expected);
      assertThat(index.staleWarning()).isNull();
      // no old-analysis alternative any more: the new token alone finds them all
      assertThat(count(index, "솔 빛나 텍")).isZero();
    }
    try (LuceneNewsIndex reopened = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.READ_ONLY)) {
      assertThat(reopened.staleWarning()).as("the metadata records the new dictionary").isNull();
      assertThat(count(reopened, WORD)).isEqualTo(ARTICLES / 3);
    }
  }
}

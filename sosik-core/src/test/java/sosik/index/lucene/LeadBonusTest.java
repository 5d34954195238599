package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/** The lead bonus (on by default): a query word in the body's first positions ranks higher; counts stay. */
class LeadBonusTest {
  @TempDir Path dir;

  static Article article(String title, String body, String url) {
    return new ArticleNormalizer().normalize(
        new ArticleDraft(title, body, "솔섬일보", List.of(), null, "2026-10-01", url, null, Map.of()));
  }

  static final String FILLER = "주민들은 아침 일찍 시장에 모여 생선과 채소를 골랐다. ".repeat(12);
  static final Article TAIL = article("솔섬 소식", FILLER + "끝으로 방파제 공사가 시작됐다.", "https://solseom.example/tail");
  static final Article LEAD = article("솔섬 소식", "방파제 공사가 시작됐다. " + FILLER, "https://solseom.example/lead");

  @Test
  void a_word_in_the_lead_ranks_higher_only_when_the_bonus_is_on() throws IOException {
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(TAIL, LEAD));
      index.commit();
      SearchPage byDefault = index.search(SearchRequest.of("방파제 공사"));
      assertThat(byDefault.hits().get(0).id()).isEqualTo(LEAD.id());
      assertThat(byDefault.hits().get(0).score()).isGreaterThan(byDefault.hits().get(1).score());

      index.leadWeight(0f);
      SearchPage off = index.search(SearchRequest.of("방파제 공사"));
      assertThat(off.total()).isEqualTo(2);
      assertThat(off.hits().get(0).score()).isEqualTo(off.hits().get(1).score()); // same words, same length

      index.leadWeight(1f);
      SearchPage on = index.search(SearchRequest.of("방파제 공사"));
      assertThat(on.total()).isEqualTo(2);
      assertThat(on.hits().get(0).id()).isEqualTo(LEAD.id());
      assertThat(on.hits().get(0).score()).isGreaterThan(on.hits().get(1).score());

      assertThatThrownBy(() -> index.leadWeight(-1f)).hasMessageContaining("lead weight").hasMessageContaining("-1.0");
    }
  }
}

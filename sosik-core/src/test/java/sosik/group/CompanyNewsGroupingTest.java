package sosik.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.Ingestor;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;
import sosik.testing.SharedData;

/**
 * Grouping on the real company-news-2019 articles (read where they lie): the figures of
 * docs/QUALITY.md stay near what was measured, and one story carried by many outlets is one group
 * whose wire original and reprints are found.
 */
class CompanyNewsGroupingTest {
  @TempDir Path dir;

  @Test
  void company_news_groups_as_measured_and_a_wire_story_keeps_its_reprints() throws IOException {
    // the whole data set, older versions included, as docs/QUALITY.md indexes it
    Path data = SharedData.file("data/company-news-2019/data/카카오/contents.txt").getParent().getParent().getParent();
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(data), "company-tsv");
      GroupReport r = GroupReport.of(index, 0, 7);
      assertThat(r.articles()).isEqualTo(2_012);
      // measured: 957 groups, 245 of two or more holding 1,300 articles, the largest 27 (before the
      // event rule: 1,338 groups, 225 of two or more holding 899 articles, the largest 21)
      assertThat(r.groups()).isBetween(900L, 1_020L);
      assertThat(r.groups() - r.sizes().get(1)).isBetween(225L, 265L);
      assertThat(r.inGroups()).isBetween(1_200L, 1_400L);
      assertThat(r.sizes().keySet().stream().mapToInt(Integer::intValue).max().orElse(0)).isBetween(20, 35);

      // 공정위 and 카카오's refusal of refunds (2019-06-23): 연합뉴스 first, reprinted by several outlets
      SearchPage p = index.search(SearchRequest.of("카카오 주문제작 환불 시정명령").withPage(1, 5).withGrouped(true));
      GroupSummary story = p.groups().stream().map(SearchPage.HitGroup::summary)
          .filter(g -> g.size() >= 15).findFirst().orElseThrow();
      // the event rule brought in 뉴스1's own report of the same day, which sorts first; the wire
      // original is still 연합뉴스's, the text the others reprinted
      GroupMember first = story.members().get(0);
      assertThat(GroupSummary.isWire(first.press())).isTrue();
      GroupMember wire = story.members().stream().filter(m -> m.id().equals(story.wireId())).findFirst().orElseThrow();
      assertThat(wire.press()).isEqualTo("연합뉴스");
      assertThat(story.reprintIds()).hasSizeGreaterThanOrEqualTo(5);
      assertThat(story.outlets()).isGreaterThanOrEqualTo(12);
    }
  }
}

package sosik.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosik.article.Article;
import sosik.group.GroupMember;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.opensearch.testing.OpenSearchCluster;

/**
 * Group band keys with the week on OpenSearch ({@link sosik.group.BandKeys}): a new index says so
 * in its mapping's {@code _meta} and stores the week in every key; copies of a template story from
 * other weeks do not crowd this week's copy out; an index without the note keeps plain keys.
 */
class OpenSearchBandKeysTest {
  private static final ArticleNormalizer NORMALIZER = new ArticleNormalizer();

  private static final String REPORT =
      "이번 주 전국 주유소 휘발유 평균 판매가격은 리터당 1702원으로 지난주보다 소폭 올랐다. "
          + "경유 평균 판매가격은 리터당 1581원으로 집계됐다. "
          + "지역별로는 서울이 가장 높았고 대구가 가장 낮은 수준을 보였다. "
          + "상표별로는 알뜰주유소의 판매가격이 가장 낮았다. "
          + "국제 유가는 산유국의 감산 연장 소식에 상승세를 이어갔다. "
          + "업계에서는 다음 주에도 국내 제품 가격이 오를 가능성이 크다고 내다봤다.";

  private static Article report(String text, String press, LocalDate day, String url) {
    return NORMALIZER.normalize(new ArticleDraft("주간 유가 동향", text, press, List.of(), null,
        day == null ? null : day + "T10:00:00+09:00", url, null, Map.of()));
  }

  private static Article thisWeek(LocalDate day) {
    String text = REPORT.replace("1702원", "1715원").replace("1581원", "1590원")
        .replace("국제 유가는 산유국의 감산 연장 소식에 상승세를 이어갔다.", "국제 유가는 중동 지역의 긴장이 이어지며 큰 폭으로 뛰었다.");
    return report(text, "코리아데일리", day, "https://koreadaily.example/oil/this-week");
  }

  private static List<String> storedKeys(OpenSearchClient client, String name, String id) throws IOException {
    JsonNode hit = client.call("POST", "/" + name + "/_search",
        "{\"query\":{\"term\":{\"id\":{\"value\":\"" + id + "\"}}},\"_source\":[\"" + OpenSearchNewsIndex.GROUP_BAND + "\"]}");
    List<String> out = new ArrayList<>();
    hit.path("hits").path("hits").path(0).path("_source").path(OpenSearchNewsIndex.GROUP_BAND).forEach(k -> out.add(k.asText()));
    return out;
  }

  @Test
  void a_new_index_stores_the_week_and_old_weeks_do_not_crowd_out_this_weeks_copy() throws IOException {
    String name = "bands-" + System.nanoTime();
    String url = OpenSearchCluster.shared().url();
    OpenSearchClient client = new OpenSearchClient(url, OpenSearchClient.DEFAULT_TIMEOUT);
    LocalDate day = LocalDate.of(2026, 11, 18);
    try (OpenSearchNewsIndex os = OpenSearchNewsIndex.open(url, name, true, List.of())) {
      List<Article> earlier = new ArrayList<>();
      for (int w = 1; w <= 60; w++) {
        earlier.add(report(REPORT, List.of("한빛일보", "새날경제", "누리뉴스").get(w % 3), day.minusWeeks(w), "https://weekly.example/oil/" + w));
      }
      os.upsert(earlier);
      os.commit();
      Article mine = thisWeek(day);
      os.upsert(List.of(mine));
      os.commit();
      Article copy = report(REPORT, "바른타임즈", day, "https://bareun.example/oil/same-day");
      os.upsert(List.of(copy));
      os.commit();
      assertThat(os.groupMembers(mine.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(mine.id(), copy.id());
      // an undated copy of this week's text finds it through a prefix per band key (all weeks)
      Article undated = report(mine.body(), "세종포스트", null, "https://sejong.example/oil/undated");
      os.upsert(List.of(undated));
      os.commit();
      assertThat(os.groupMembers(mine.id())).extracting(GroupMember::id).contains(undated.id());
    }
    JsonNode mapping = client.call("GET", "/" + name + "/_mapping", null);
    assertThat(mapping.path(name).path("mappings").path("_meta").path(OpenSearchNewsIndex.BAND_KEYS_META).asText())
        .isEqualTo(OpenSearchNewsIndex.BAND_KEYS_WEEKLY);
    List<String> keys = storedKeys(client, name, thisWeek(day).id());
    assertThat(keys).isNotEmpty().filteredOn(k -> !k.startsWith("e")).isNotEmpty().allMatch(k -> k.contains("@"));
    OpenSearchNewsIndex.drop(client, name);
  }

  @Test
  void an_index_without_the_note_keeps_plain_keys_and_still_groups() throws IOException {
    String name = "bands-plain-" + System.nanoTime();
    String url = OpenSearchCluster.shared().url();
    OpenSearchClient client = new OpenSearchClient(url, OpenSearchClient.DEFAULT_TIMEOUT);
    LocalDate day = LocalDate.of(2026, 11, 18);
    try (OpenSearchNewsIndex os = OpenSearchNewsIndex.open(url, name, true, List.of())) {
      // as an index made before the note
    }
    client.call("PUT", "/" + name + "/_mapping", "{\"_meta\":{\"note\":\"made before the week\"}}");
    Article mine = thisWeek(day);
    Article copy = report(REPORT, "바른타임즈", day, "https://bareun.example/oil/same-day");
    try (OpenSearchNewsIndex os = OpenSearchNewsIndex.open(url, name, false, List.of())) {
      os.upsert(List.of(mine));
      os.commit();
      os.upsert(List.of(copy));
      os.commit();
      assertThat(os.groupMembers(mine.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(mine.id(), copy.id());
    }
    assertThat(storedKeys(client, name, mine.id())).isNotEmpty().noneMatch(k -> k.contains("@"));
    OpenSearchNewsIndex.drop(client, name);
  }
}

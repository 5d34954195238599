package sosik.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static sosik.index.GroupFixtures.WEEKLY_REPORT;
import static sosik.index.GroupFixtures.thisWeeksReport;
import static sosik.index.GroupFixtures.weeklyReport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sosik.article.Article;
import sosik.group.GroupMember;
import sosik.opensearch.testing.OpenSearchCluster;

/**
 * Group band keys with the week on OpenSearch ({@link sosik.group.BandKeys}): a new index says so
 * in its mapping's {@code _meta} and stores the week in every key; copies of a template story from
 * other weeks do not crowd this week's copy out; an index without the note keeps plain keys.
 */
class OpenSearchBandKeysTest {
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
        earlier.add(weeklyReport(WEEKLY_REPORT, List.of("한빛일보", "새날경제", "누리뉴스").get(w % 3), day.minusWeeks(w), "https://weekly.example/oil/" + w));
      }
      os.upsert(earlier);
      os.commit();
      Article mine = thisWeeksReport(day);
      os.upsert(List.of(mine));
      os.commit();
      Article copy = weeklyReport(WEEKLY_REPORT, "바른타임즈", day, "https://bareun.example/oil/same-day");
      os.upsert(List.of(copy));
      os.commit();
      assertThat(os.groupMembers(mine.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(mine.id(), copy.id());
      // an undated copy of this week's text finds it through a prefix per band key (all weeks)
      Article undated = weeklyReport(mine.body(), "세종포스트", null, "https://sejong.example/oil/undated");
      os.upsert(List.of(undated));
      os.commit();
      assertThat(os.groupMembers(mine.id())).extracting(GroupMember::id).contains(undated.id());
    }
    JsonNode mapping = client.call("GET", "/" + name + "/_mapping", null);
    assertThat(mapping.path(name).path("mappings").path("_meta").path(OpenSearchNewsIndex.BAND_KEYS_META).asText())
        .isEqualTo(OpenSearchNewsIndex.BAND_KEYS_WEEKLY);
    List<String> keys = storedKeys(client, name, thisWeeksReport(day).id());
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
    Article mine = thisWeeksReport(day);
    Article copy = weeklyReport(WEEKLY_REPORT, "바른타임즈", day, "https://bareun.example/oil/same-day");
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

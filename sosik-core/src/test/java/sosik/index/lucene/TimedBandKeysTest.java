package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.group.GroupMember;
import sosik.group.GroupPolicy;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;

/**
 * Group band keys with the week ({@link sosik.group.BandKeys}): a template story that comes back
 * every week must not crowd this week's copy out of the candidates, and an index of the older
 * layout keeps grouping with plain keys until {@code sosik reindex}.
 */
class TimedBandKeysTest {
  @TempDir Path dir;

  private static final ArticleNormalizer NORMALIZER = new ArticleNormalizer();

  /** A weekly price report: the same sentences every week, only the figures change now and then. */
  private static final String REPORT =
      "이번 주 전국 주유소 휘발유 평균 판매가격은 리터당 1702원으로 지난주보다 소폭 올랐다. "
          + "경유 평균 판매가격은 리터당 1581원으로 집계됐다. "
          + "지역별로는 서울이 가장 높았고 대구가 가장 낮은 수준을 보였다. "
          + "상표별로는 알뜰주유소의 판매가격이 가장 낮았다. "
          + "국제 유가는 산유국의 감산 연장 소식에 상승세를 이어갔다. "
          + "업계에서는 다음 주에도 국내 제품 가격이 오를 가능성이 크다고 내다봤다.";

  private static final List<String> PRESSES = List.of("한빛일보", "새날경제", "누리뉴스", "동녘신문");

  private static Article report(String text, String press, LocalDate day, String url) {
    return NORMALIZER.normalize(new ArticleDraft("주간 유가 동향", text, press, List.of(), null,
        day + "T10:00:00+09:00", url, null, Map.of()));
  }

  /** The report in each of the {@code weeks} weeks before {@code day}, word for word. */
  private static List<Article> earlierWeeks(LocalDate day, int weeks) {
    List<Article> out = new ArrayList<>();
    for (int w = 1; w <= weeks; w++) {
      out.add(report(REPORT, PRESSES.get(w % PRESSES.size()), day.minusWeeks(w), "https://weekly.example/oil/" + w));
    }
    return out;
  }

  /** This week's report by one press, its figures and a sentence changed: close, not identical. */
  private static Article thisWeek(LocalDate day) {
    String text = REPORT.replace("1702원", "1715원").replace("1581원", "1590원")
        .replace("국제 유가는 산유국의 감산 연장 소식에 상승세를 이어갔다.", "국제 유가는 중동 지역의 긴장이 이어지며 큰 폭으로 뛰었다.");
    return report(text, "코리아데일리", day, "https://koreadaily.example/oil/this-week");
  }

  @Test
  void copies_from_other_weeks_do_not_crowd_out_this_weeks_copy() throws IOException {
    LocalDate day = LocalDate.of(2026, 11, 18);
    int weeks = GroupPolicy.DEFAULT.candidates() + 10; // more earlier copies than candidates are kept
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(earlierWeeks(day, weeks));
      index.commit();
      Article mine = thisWeek(day);
      index.upsert(List.of(mine));
      index.commit();
      // another press's word-for-word copy the same day: every earlier week shares all its bands,
      // this week's shares fewer; only this week's may join (three days at most)
      Article copy = report(REPORT, "바른타임즈", day, "https://bareun.example/oil/same-day");
      index.upsert(List.of(copy));
      index.commit();
      assertThat(index.groupMembers(mine.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(mine.id(), copy.id());
    }
    assertThat(bandTerms()).isNotEmpty().allMatch(t -> t.startsWith("e") || t.contains("@"));
  }

  @Test
  void copies_from_other_weeks_in_the_same_batch_do_not_crowd_it_out_either() throws IOException {
    // all before one commit: the grouper's memory of the batch, not the index, finds them
    LocalDate day = LocalDate.of(2026, 11, 18);
    Article mine = thisWeek(day);
    Article copy = report(REPORT, "바른타임즈", day.plusDays(1), "https://bareun.example/oil/next-day");
    List<Article> batch = new ArrayList<>(earlierWeeks(day, GroupPolicy.DEFAULT.candidates() + 10));
    batch.add(mine);
    batch.add(copy);
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(batch);
      index.commit();
      assertThat(index.groupMembers(mine.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(mine.id(), copy.id());
    }
  }

  @Test
  void an_index_of_plain_keys_groups_with_them_until_reindex_adds_the_week() throws IOException {
    LocalDate day = LocalDate.of(2026, 11, 18);
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.commit();
    }
    // as an older Sosik left it: its metadata says the layout before the week
    IndexMetadata now = IndexMetadata.read(dir);
    new IndexMetadata(2, now.analyzerVersion(), now.dictionaryFingerprint(), now.created()).write(dir);
    Article mine = thisWeek(day);
    Article undated = NORMALIZER.normalize(new ArticleDraft("주간 유가 동향", REPORT, "세종포스트", List.of(), null, null,
        "https://sejong.example/oil/undated", null, Map.of()));
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(mine));
      index.commit();
      assertThat(bandTerms()).isNotEmpty().noneMatch(t -> t.contains("@"));
      Article copy = report(REPORT, "바른타임즈", day, "https://bareun.example/oil/same-day");
      index.upsert(List.of(copy));
      index.commit();
      assertThat(index.groupMembers(mine.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(mine.id(), copy.id());
      assertThat(IndexMetadata.read(dir).formatVersion()).isEqualTo(2); // new articles do not change it
      index.reindex(n -> {});
      assertThat(IndexMetadata.read(dir).formatVersion()).isEqualTo(IndexMetadata.FORMAT_VERSION);
      assertThat(bandTerms()).isNotEmpty().allMatch(t -> t.startsWith("e") || t.contains("@"));
      assertThat(index.groupMembers(mine.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(mine.id(), copy.id());
      // after the rewrite, a dated copy and an undated one find the group by the week's keys
      Article next = report(REPORT, "누리뉴스", day.plusDays(2), "https://nuri.example/oil/two-days-later");
      index.upsert(List.of(next));
      index.commit();
      index.upsert(List.of(undated));
      index.commit();
      assertThat(index.groupMembers(mine.id())).extracting(GroupMember::id)
          .containsExactlyInAnyOrder(mine.id(), copy.id(), next.id(), undated.id());
    }
  }

  @Test
  void an_undated_copy_finds_dated_ones_of_any_week_and_a_dated_one_finds_it() throws IOException {
    LocalDate day = LocalDate.of(2026, 11, 18);
    Article old = report(REPORT, "한빛일보", day.minusYears(3), "https://hanbit.example/oil/old");
    Article undated = NORMALIZER.normalize(new ArticleDraft("주간 유가 동향", REPORT, "세종포스트", List.of(), null, null,
        "https://sejong.example/oil/undated", null, Map.of()));
    Article undated2 = NORMALIZER.normalize(new ArticleDraft("주간 유가 동향 다시", REPORT, "동녘신문", List.of(), null, null,
        "https://dongnyeok.example/oil/undated", null, Map.of()));
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(old));
      index.commit();
      index.upsert(List.of(undated));
      index.commit();
      assertThat(index.groupMembers(old.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(old.id(), undated.id());
      index.upsert(List.of(undated2));
      index.commit();
      assertThat(index.groupMembers(old.id())).extracting(GroupMember::id).contains(undated2.id());
    }
    // a dated copy arriving after an undated one (in a fresh index) finds it by the undated keys
    Path other = dir.resolve("other");
    try (LuceneNewsIndex index = LuceneNewsIndex.open(other, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(undated));
      index.commit();
      index.upsert(List.of(old));
      index.commit();
      assertThat(index.groupMembers(undated.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(old.id(), undated.id());
    }
  }

  /** The group band field's terms, in every segment. */
  private List<String> bandTerms() throws IOException {
    List<String> out = new ArrayList<>();
    try (FSDirectory d = FSDirectory.open(dir.resolve("lucene")); DirectoryReader r = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : r.leaves()) {
        var terms = leaf.reader().terms(Fields.GROUP_BAND);
        if (terms == null) {
          continue;
        }
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          out.add(t.utf8ToString());
        }
      }
    }
    return out;
  }
}

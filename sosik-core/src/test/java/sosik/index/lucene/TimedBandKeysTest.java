package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static sosik.index.GroupFixtures.WEEKLY_REPORT;
import static sosik.index.GroupFixtures.thisWeeksReport;
import static sosik.index.GroupFixtures.weeklyReport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Group band keys with the week ({@link sosik.group.BandKeys}): a template story that comes back
 * every week must not crowd this week's copy out of the candidates, and an index of the older
 * layout keeps grouping with plain keys until {@code sosik reindex}.
 */
class TimedBandKeysTest {
  @TempDir Path dir;

  private static final List<String> PRESSES = List.of("한빛일보", "새날경제", "누리뉴스", "동녘신문");

  /** The report in each of the {@code weeks} weeks before {@code day}, word for word. */
  private static List<Article> earlierWeeks(LocalDate day, int weeks) {
    List<Article> out = new ArrayList<>();
    for (int w = 1; w <= weeks; w++) {
      out.add(weeklyReport(WEEKLY_REPORT, PRESSES.get(w % PRESSES.size()), day.minusWeeks(w), "https://weekly.example/oil/" + w));
    }
    return out;
  }

  @Test
  void copies_from_other_weeks_do_not_crowd_out_this_weeks_copy() throws IOException {
    LocalDate day = LocalDate.of(2026, 11, 18);
    int weeks = GroupPolicy.DEFAULT.candidates() + 10; // more earlier copies than candidates are kept
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(earlierWeeks(day, weeks));
      index.commit();
      Article mine = thisWeeksReport(day);
      index.upsert(List.of(mine));
      index.commit();
      // another press's word-for-word copy the same day: every earlier week shares all its bands,
      // this week's shares fewer; only this week's may join (three days at most)
      Article copy = weeklyReport(WEEKLY_REPORT, "바른타임즈", day, "https://bareun.example/oil/same-day");
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
    Article mine = thisWeeksReport(day);
    Article copy = weeklyReport(WEEKLY_REPORT, "바른타임즈", day.plusDays(1), "https://bareun.example/oil/next-day");
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
    Article mine = thisWeeksReport(day);
    Article undated = weeklyReport(WEEKLY_REPORT, "세종포스트", null, "https://sejong.example/oil/undated");
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(mine));
      index.commit();
      assertThat(bandTerms()).isNotEmpty().noneMatch(t -> t.contains("@"));
      Article copy = weeklyReport(WEEKLY_REPORT, "바른타임즈", day, "https://bareun.example/oil/same-day");
      index.upsert(List.of(copy));
      index.commit();
      assertThat(index.groupMembers(mine.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(mine.id(), copy.id());
      assertThat(IndexMetadata.read(dir).formatVersion()).isEqualTo(2); // new articles do not change it
      index.reindex(n -> {});
      assertThat(IndexMetadata.read(dir).formatVersion()).isEqualTo(IndexMetadata.FORMAT_VERSION);
      assertThat(bandTerms()).isNotEmpty().allMatch(t -> t.startsWith("e") || t.contains("@"));
      assertThat(index.groupMembers(mine.id())).extracting(GroupMember::id).containsExactlyInAnyOrder(mine.id(), copy.id());
      // after the rewrite, a dated copy and an undated one find the group by the week's keys
      Article next = weeklyReport(WEEKLY_REPORT, "누리뉴스", day.plusDays(2), "https://nuri.example/oil/two-days-later");
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
    Article old = weeklyReport(WEEKLY_REPORT, "한빛일보", day.minusYears(3), "https://hanbit.example/oil/old");
    Article undated = weeklyReport(WEEKLY_REPORT, "세종포스트", null, "https://sejong.example/oil/undated");
    Article undated2 = weeklyReport(WEEKLY_REPORT, "동녘신문", null, "https://dongnyeok.example/oil/undated");
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

package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sosik.index.NewsIndex;
import sosik.index.NewsIndexContractTest;

class LuceneNewsIndexTest extends NewsIndexContractTest {
  @Override
  protected NewsIndex create(Path dir) throws IOException {
    return LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
  }

  @Override
  protected NewsIndex reopen(Path dir) throws IOException {
    return LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
  }

  @Override
  protected void addPair(String shortForm, String longForm) throws IOException {
    LuceneNewsIndex x = (LuceneNewsIndex) index;
    x.aliases().add(shortForm, longForm);
    x.saveAliases();
  }

  @Test
  void reindex_keeps_the_groups() throws IOException {
    index.upsert(sosik.index.GroupFixtures.SAME_DAY);
    index.commit();
    // the first of the batch founds the group and names it
    String group = sosik.index.GroupFixtures.REPRINT_2.id();
    assertThat(index.groupMembers(group)).hasSize(4);
    assertThat(((LuceneNewsIndex) index).reindex(n -> {})).isEqualTo(5);
    assertThat(index.groupMembers(group)).hasSize(4);
    assertThat(index.groupMembers(sosik.index.GroupFixtures.OTHER_STORY.id())).hasSize(1);
  }

  @Test
  void a_second_writer_is_refused_with_a_clear_message() throws IOException {
    assertThatThrownBy(() -> LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE))
        .isInstanceOf(IOException.class).hasMessageContaining("in use by another Sosik process");
  }

  @Test
  void a_reader_sees_committed_articles_while_the_writer_is_open() throws IOException {
    indexAll();
    try (LuceneNewsIndex ro = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.READ_ONLY)) {
      assertThat(ro.stats().articles()).isEqualTo(ALL.size());
      assertThatThrownBy(() -> ro.upsert(List.of(CHIP))).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void read_only_open_of_a_missing_index_says_how_to_create_one() {
    Path missing = dir.resolve("nothing-here");
    assertThatThrownBy(() -> LuceneNewsIndex.open(missing, LuceneNewsIndex.Mode.READ_ONLY))
        .isInstanceOf(LuceneNewsIndex.NoIndexException.class).hasMessageContaining("sosik index");
  }

  @Test
  void a_changed_dictionary_is_noticed_and_reindex_applies_it() throws IOException {
    indexAll();
    index.close();
    index = null;
    Files.writeString(dir.resolve(LuceneNewsIndex.USER_DICTIONARY), "연구단\n");
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      assertThat(idx.staleWarning()).contains("reindex");
      assertThat(idx.reindex(n -> {})).isEqualTo(ALL.size());
    }
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.READ_ONLY)) {
      assertThat(idx.staleWarning()).isNull();
      assertThat(idx.search(sosik.search.SearchRequest.of("연구단")).total()).isEqualTo(1);
    }
  }

  @Test
  void a_search_past_its_time_limit_fails_instead_of_returning_an_inexact_count() throws IOException {
    indexAll();
    LuceneNewsIndex idx = (LuceneNewsIndex) index;
    idx.searchTimeout(java.time.Duration.ZERO);
    assertThatThrownBy(() -> idx.search(sosik.search.SearchRequest.of("반도체")))
        .isInstanceOf(sosik.search.SearchTimeoutException.class).hasMessageContaining("took longer");
    idx.searchTimeout(LuceneNewsIndex.DEFAULT_SEARCH_TIMEOUT);
    assertThat(idx.search(sosik.search.SearchRequest.of("반도체")).total()).isEqualTo(6);
  }
}

package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.testing.SharedData;

/** The readers and the ingest on the real public files in {@code ../shared/data}, read where they lie. */
class RealDataTest {
  private static final String SEED = "data/seed/000_ba129f0fc67865b7.txt";
  private static final String KORQUAD = "data/korquad-v1-dev/paragraphs.jsonl";

  @TempDir Path tmp;

  private static List<Article> normalized(CollectingSink s) {
    ArticleNormalizer n = new ArticleNormalizer();
    return s.drafts().stream().map(n::normalize).toList();
  }

  @Test
  void seed_listing_reads_seven_articles_of_one_press() throws IOException {
    CollectingSink s = CollectingSink.read(new ListingReader(), SharedData.file(SEED));

    assertThat(s.rejections).isEmpty();
    List<Article> articles = normalized(s);
    assertThat(articles).hasSize(7);
    assertThat(articles).extracting(Article::press).containsOnly("이데일리");
    assertThat(articles).allSatisfy(a -> assertThat(a.reporters()).hasSize(1));
    assertThat(articles).extracting(Article::reporter).doesNotHaveDuplicates().hasSize(7).doesNotContainNull();
    assertThat(articles).extracting(Article::body).noneMatch(b -> b.startsWith("[이데일리") || b.startsWith("[수원="));
  }

  @Test
  void seed_listing_gives_황영민_the_수원_dateline_and_nobody_else_one() throws IOException {
    List<Article> articles = normalized(CollectingSink.read(new ListingReader(), SharedData.file(SEED)));

    assertThat(articles).filteredOn(a -> "황영민".equals(a.reporter())).singleElement().satisfies(a -> {
      assertThat(a.dateline()).isEqualTo("수원");
      assertThat(a.bylineText()).isEqualTo("[수원=이데일리 황영민 기자]");
    });
    assertThat(articles).filteredOn(a -> !"황영민".equals(a.reporter())).extracting(Article::dateline).containsOnlyNulls();
  }

  @Test
  void seed_listing_keeps_the_미리보는_prefix_in_the_headline() throws IOException {
    CollectingSink s = CollectingSink.read(new ListingReader(), SharedData.file(SEED));

    assertThat(s.titles()).filteredOn(t -> t.contains("미리보는")).singleElement().satisfies(t -> assertThat(t).startsWith("[미리보는 이데일리 신문]"));
  }

  @Test
  void korquad_paragraphs_read_964_articles_through_text_without_rejections() throws IOException {
    CollectingSink s = CollectingSink.read(new JsonLinesReader(), SharedData.file(KORQUAD));

    assertThat(s.rejections).isEmpty();
    assertThat(s.articles).hasSize(964);
    List<Article> articles = normalized(s);
    assertThat(articles).allSatisfy(a -> {
      assertThat(a.body()).isNotBlank();
      assertThat(a.extra()).containsKey("id");
    });
    assertThat(articles).extracting(Article::id).doesNotHaveDuplicates();
  }

  @Test
  void korquad_paragraphs_ingested_twice_leave_964_articles() throws IOException {
    Path file = SharedData.file(KORQUAD);
    Path dir = tmp.resolve("index");
    IngestReport first;
    IngestReport second;
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      first = new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(file), null);
      second = new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(file), null);
    }

    assertThat(first.hasRejections()).isFalse();
    assertThat(first.added()).isEqualTo(964);
    assertThat(second.added()).isZero();
    assertThat(second.updated()).isZero();
    assertThat(second.unchanged()).isEqualTo(964);
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.READ_ONLY)) {
      assertThat(index.stats().articles()).isEqualTo(964);
    }
  }
}

package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import sosik.article.Article;
import sosik.testing.Fixtures;

class YnatHeadlinesReaderTest {
  private final YnatHeadlinesReader reader = new YnatHeadlinesReader();

  private CollectingSink read(String fixture) throws IOException {
    return CollectingSink.read(reader, Fixtures.path("ynat/" + fixture));
  }

  @Test
  void name_is_ynat_headlines_and_formats_knows_it() {
    assertThat(reader.name()).isEqualTo("ynat-headlines");
    assertThat(Formats.byName("ynat-headlines")).isInstanceOf(YnatHeadlinesReader.class);
  }

  @Test
  void rows_are_read_at_their_lines_and_bad_rows_rejected_at_theirs() throws IOException {
    CollectingSink s = read("train.csv");

    assertThat(s.articleLines()).containsExactly(2, 3, 4, 7, 10);
    assertThat(s.rejections).extracting(CollectingSink.Problem::line).containsExactly(5, 6, 9);
  }

  @Test
  void the_problems_name_the_column() throws IOException {
    CollectingSink s = read("train.csv");

    assertThat(s.rejections.get(0).problem()).contains("'title'").contains("empty");
    assertThat(s.rejections.get(1).problem()).contains("'topic_idx'").contains("'9'");
    assertThat(s.rejections.get(2).problem()).contains("found 2 columns");
  }

  @Test
  void the_body_is_the_headline_and_the_section_the_topic() throws IOException {
    ArticleDraft d = read("train.csv").drafts().get(0);

    assertThat(d.title()).isEqualTo("한빛시 첫 성탄 트리 점등…시민 2천명 몰려");
    assertThat(d.body()).isEqualTo(d.title());
    assertThat(d.section()).isEqualTo("사회");
    assertThat(d.extra()).containsEntry("index", "\"0\"");
    assertThat(d.press()).isNull();
    assertThat(d.publishedAt()).isNull();
  }

  @Test
  void csv_quoting_is_read_as_csv() throws IOException {
    CollectingSink s = read("train.csv");

    assertThat(s.titles()).containsExactly(
        "한빛시 첫 성탄 트리 점등…시민 2천명 몰려",
        "누리칩스, 저전력 AI칩 공개",
        "\"깜짝 실적\" 한빛전자 주가 급등",
        "두 줄에 걸친\n제목",
        "축구 대표팀 평가전 2대0 승리");
    assertThat(s.drafts()).extracting(ArticleDraft::section).containsExactly("사회", "IT과학", "경제", "정치", "스포츠");
  }

  @Test
  void every_topic_has_its_section() {
    assertThat(YnatHeadlinesReader.TOPICS).containsExactly("IT과학", "경제", "사회", "생활문화", "세계", "스포츠", "정치");
  }

  @Test
  void normalized_a_headline_only_article_is_accepted() throws IOException {
    Article a = new ArticleNormalizer().normalize(read("train.csv").drafts().get(1));

    assertThat(a.title()).isEqualTo("누리칩스, 저전력 AI칩 공개");
    assertThat(a.body()).isEqualTo(a.title());
    assertThat(a.section()).isEqualTo("IT과학");
  }

  @Test
  void a_quote_left_open_stops_the_file_at_the_line_where_it_opens() throws IOException {
    CollectingSink s = read("open_quote.csv");

    assertThat(s.titles()).containsExactly("첫 제목");
    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.problem()).contains("not valid CSV");
    });
  }

  @Test
  void a_file_without_the_header_is_rejected_at_line_1() throws IOException {
    for (String fixture : new String[] {"no_header.csv", "tab_header.tsv"}) {
      CollectingSink s = read(fixture);

      assertThat(s.articles).isEmpty();
      assertThat(s.rejections).singleElement().satisfies(p -> {
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.problem()).contains("index,title,topic_idx");
      });
    }
  }

  @Test
  void walking_a_directory_takes_only_csv_files() {
    assertThat(reader.reads(Path.of("train_data.csv"))).isTrue();
    assertThat(reader.reads(Path.of("test_data.tsv"))).isFalse();
  }
}

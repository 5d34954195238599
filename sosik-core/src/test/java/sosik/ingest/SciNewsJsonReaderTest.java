package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sosik.article.Article;
import sosik.testing.Fixtures;

class SciNewsJsonReaderTest {
  private final SciNewsJsonReader reader = new SciNewsJsonReader();

  private CollectingSink read(String fixture) throws IOException {
    return CollectingSink.read(reader, Fixtures.path("sci-news/" + fixture));
  }

  @Test
  void name_is_sci_news_json_and_formats_knows_it() {
    assertThat(reader.name()).isEqualTo("sci-news-json");
    assertThat(Formats.byName("sci-news-json")).isInstanceOf(SciNewsJsonReader.class);
  }

  @Test
  void one_object_is_one_article_at_line_1() throws IOException {
    CollectingSink s = read("01.json");

    assertThat(s.rejections).isEmpty();
    assertThat(s.articleLines()).containsExactly(1);
  }

  @Test
  void title_sentences_and_source_are_read() throws IOException {
    ArticleDraft d = read("01.json").drafts().get(0);

    assertThat(d.title()).isEqualTo("한빛대 연구팀, 상온 초전도 후보 물질 합성");
    assertThat(d.body()).isEqualTo("한빛대 연구팀이 상온에서 저항이 사라지는 후보 물질을 합성했다고 밝혔다\n연구팀은 결과를 국제학술지에 실었다\n다른 연구진의 재현 실험이 남았다");
    assertThat(d.url()).isEqualTo("http://news.naver.com/main/read.nhn?mode=LS2D&mid=shm&sid1=105&sid2=228&oid=015&aid=0000000201");
  }

  @Test
  void press_comes_from_the_naver_code_and_section_from_sid1() throws IOException {
    ArticleDraft d = read("01.json").drafts().get(0);

    assertThat(d.press()).isEqualTo("한국경제");
    assertThat(d.section()).isEqualTo("IT과학");
  }

  @Test
  void an_unknown_naver_code_gives_no_press() throws IOException {
    assertThat(read("02.json").drafts().get(0).press()).isNull();
  }

  @Test
  void slug_and_summaries_are_kept_and_length_is_dropped() throws IOException {
    ArticleDraft d = read("01.json").drafts().get(0);

    assertThat(d.extra()).containsOnlyKeys("slug", "summaries");
    assertThat(d.extra()).containsEntry("summaries", "[0,2]").containsEntry("slug", "\"hanbit-sangon-chojeondo\"");
  }

  @Test
  void normalized_the_url_is_the_canonical_naver_form() throws IOException {
    Article a = new ArticleNormalizer().normalize(read("01.json").drafts().get(0));

    assertThat(a.url()).isEqualTo("https://n.news.naver.com/mnews/article/015/0000000201");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "broken.json                | not valid JSON",
        "no_sentences.json          | field 'sentences' is missing",
        "array.json                 | expected a JSON object, found array",
        "sentences_not_strings.json | 'sentences' must hold strings, found number"
      })
  void a_file_that_is_not_an_article_is_rejected_saying_why(String fixture, String problem) throws IOException {
    CollectingSink s = read(fixture);

    assertThat(s.articles).isEmpty();
    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.problem()).contains(problem);
      assertThat(p.line()).isPositive();
    });
  }

  @Test
  void walking_a_directory_takes_only_json_files() {
    assertThat(reader.reads(Path.of("data", "01.json"))).isTrue();
    assertThat(reader.reads(Path.of("LICENSE"))).isFalse();
  }
}

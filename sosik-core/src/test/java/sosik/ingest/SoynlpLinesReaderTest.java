package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import sosik.article.Article;
import sosik.testing.Fixtures;

class SoynlpLinesReaderTest {
  private final SoynlpLinesReader reader = new SoynlpLinesReader();

  private CollectingSink read() throws IOException {
    return CollectingSink.read(reader, Fixtures.path("soynlp/lines.txt"));
  }

  @Test
  void name_is_soynlp_lines_and_formats_knows_it() {
    assertThat(reader.name()).isEqualTo("soynlp-lines");
    assertThat(Formats.byName("soynlp-lines")).isInstanceOf(SoynlpLinesReader.class);
  }

  @Test
  void one_article_a_line_and_blank_lines_are_skipped() throws IOException {
    CollectingSink s = read();

    assertThat(s.rejections).isEmpty();
    assertThat(s.articleLines()).containsExactly(1, 3, 5, 6, 7);
  }

  @Test
  void the_headline_is_the_first_sentence_and_the_body_the_whole_line() throws IOException {
    ArticleDraft d = read().drafts().get(0);

    assertThat(d.title()).isEqualTo("한빛시 첫 성탄 트리 점등");
    assertThat(d.body()).isEqualTo("한빛시 첫 성탄 트리 점등  시청 앞 광장에 올해 첫 성탄 트리가 불을 밝혔다  점등식에는 시민 2천명이 몰렸다");
    assertThat(d.press()).isNull();
    assertThat(d.publishedAt()).isNull();
    assertThat(d.url()).isNull();
  }

  @Test
  void a_long_first_sentence_is_cut_at_a_word_boundary_with_an_ellipsis() throws IOException {
    String title = read().drafts().get(1).title();

    assertThat(title).isEqualTo("국내 연구진이 상온에서 작동하는 새로운 반도체 소자를 개발해 세계적인 학술지에 실었다고 과학기술정보통신부가…");
    assertThat(title.length() - 1).isLessThanOrEqualTo(SoynlpLinesReader.MAX_TITLE_CHARS);
  }

  @Test
  void one_long_word_is_cut_inside_it() throws IOException {
    String title = read().drafts().get(2).title();

    assertThat(title).hasSize(SoynlpLinesReader.MAX_TITLE_CHARS + 1).endsWith("…");
  }

  @Test
  void a_line_of_one_sentence_is_its_own_headline() throws IOException {
    ArticleDraft d = read().drafts().get(3);

    assertThat(d.title()).isEqualTo("한 문장뿐인 짧은 기사");
    assertThat(d.body()).isEqualTo("한 문장뿐인 짧은 기사");
  }

  @Test
  void normalized_a_copyright_line_at_the_end_leaves_the_body() throws IOException {
    Article a = new ArticleNormalizer().normalize(read().drafts().get(4));

    assertThat(a.body()).isEqualTo("서울 한빛일보 김하늘 기자 한빛시가 내년 예산안을 발표했다");
    assertThat(a.press()).isNull(); // the stripped byline is not read, and 한빛일보 is not a known press
  }

  @Test
  void byte_order_mark_is_skipped() throws IOException {
    CollectingSink s = CollectingSink.read(reader, "\uFEFF첫 문장  둘째 문장\n");

    assertThat(s.titles()).containsExactly("첫 문장");
  }
}

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
  void a_byline_stripped_of_its_brackets_at_the_start_fills_press_reporter_and_dateline() {
    ArticleDraft wire = SoynlpLinesReader.draft("광주 연합뉴스 서다온 기자 광주 도심에 첫 수소버스가 달린다  시는 20대를 들였다");
    ArticleDraft desk = SoynlpLinesReader.draft("매일경제 스타투데이 이슈팀 한여울 기자 신인 밴드가 첫 공연을 열었다");
    ArticleDraft glued = SoynlpLinesReader.draft("일산 뉴스1스타 문하린 기자 시상식이 열렸다");
    ArticleDraft cut = SoynlpLinesReader.draft("헤럴드 노을비 기자 가을 음원 차트가 요동쳤다");
    ArticleDraft alone = SoynlpLinesReader.draft("강새벽기자 올해 첫 서리가 내렸다");

    assertThat(wire.press()).isEqualTo("연합뉴스");
    assertThat(wire.dateline()).isEqualTo("광주");
    assertThat(wire.reporters()).containsExactly("서다온");
    assertThat(wire.title()).isEqualTo("광주 도심에 첫 수소버스가 달린다");
    assertThat(wire.body()).isEqualTo("광주 도심에 첫 수소버스가 달린다  시는 20대를 들였다");
    assertThat(desk.press()).isNull(); // three words before the name: not read as a byline
    assertThat(glued.press()).isEqualTo("뉴스1");
    assertThat(glued.dateline()).isEqualTo("일산");
    assertThat(cut.press()).isNull();
    assertThat(cut.reporters()).containsExactly("노을비");
    assertThat(cut.body()).isEqualTo("가을 음원 차트가 요동쳤다");
    assertThat(alone.reporters()).containsExactly("강새벽");
  }

  @Test
  void photo_credits_and_names_in_sentences_are_not_bylines() {
    assertThat(SoynlpLinesReader.leadingByline("사진 윤하람 기자 무대에 오른 밴드")).isNull();
    assertThat(SoynlpLinesReader.leadingByline("시청 앞 광장에서 윤하람 기자가 취재했다")).isNull();
    assertThat(SoynlpLinesReader.leadingByline("서울 한빛일보 김하늘 기자 한빛시가 발표했다")).isNull(); // 한빛일보 is not a known press
  }

  @Test
  void byte_order_mark_is_skipped() throws IOException {
    CollectingSink s = CollectingSink.read(reader, "\uFEFF첫 문장  둘째 문장\n");

    assertThat(s.titles()).containsExactly("첫 문장");
  }
}

package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.index.lucene.LuceneNewsIndex;

/** Korean crawls come in CP949/EUC-KR as often as in UTF-8: each is found and read, the rest is rejected saying where. */
class EncodingTest {
  private static final Charset EUC_KR = Charset.forName("EUC-KR");
  private static final String LISTING = """
      뉴스 검색결과 2건
      - 강릉 커피축제 관람객 역대 최다
      - [강릉=동해일보 최바다 기자] 올해 강릉 커피축제에 나흘 동안 관람객 21만 명이 다녀갔다.
      - 속초 해변 야간 개장 연장
      - [동해일보 윤솔 기자] 속초시가 해수욕장 야간 개장을 이달 말까지 늘리기로 했다.
      """;

  @TempDir Path tmp;
  private LuceneNewsIndex index;

  @BeforeEach
  void open() throws IOException {
    index = LuceneNewsIndex.open(tmp.resolve("index"), LuceneNewsIndex.Mode.WRITE);
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  private IngestReport ingest(Charset forced, Path... files) throws IOException {
    return new Ingestor(index, new ArticleNormalizer(), null).encoding(forced).ingestPaths(List.of(files), null);
  }

  private List<String> titles() throws IOException {
    List<String> t = new ArrayList<>();
    index.forEach(a -> t.add(a.title()));
    return t.stream().sorted().toList();
  }

  private List<Article> articles() throws IOException {
    List<Article> all = new ArrayList<>();
    index.forEach(all::add);
    return all;
  }

  @Test
  void cp949_listing_is_found_and_read() throws IOException {
    Path f = Files.write(tmp.resolve("gangwon.txt"), LISTING.getBytes(TextEncoding.CP949));
    assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).doesNotContain("강릉");

    IngestReport r = ingest(null, f);

    assertThat(r.hasRejections()).as("%s", r.rejections()).isFalse();
    assertThat(r.added()).isEqualTo(2);
    assertThat(titles()).containsExactly("강릉 커피축제 관람객 역대 최다", "속초 해변 야간 개장 연장");
    assertThat(articles()).extracting(Article::press).containsOnly("동해일보");
  }

  @Test
  void euc_kr_json_lines_are_read_and_cp949_only_syllables_too() throws IOException {
    // 똠 and 햏 are outside EUC-KR's 2,350 syllables; CP949 holds them
    String lines = "{\"title\":\"똠방각하 재출간\",\"body\":\"햏자 문화를 다룬 책이 다시 나왔다.\"}\n"
        + "{\"title\":\"부산 국제영화제 개막\",\"body\":\"올해 영화제에는 64개국 작품이 초청됐다.\"}\n";
    Path f = Files.write(tmp.resolve("culture.jsonl"), lines.getBytes(TextEncoding.CP949));
    assertThatThrownBy(() -> EUC_KR.newEncoder().encode(java.nio.CharBuffer.wrap("똠"))).isInstanceOf(Exception.class);

    IngestReport r = ingest(null, f);

    assertThat(r.hasRejections()).as("%s", r.rejections()).isFalse();
    assertThat(titles()).containsExactly("똠방각하 재출간", "부산 국제영화제 개막");
  }

  @Test
  void utf16_with_a_byte_order_mark_is_read_in_either_byte_order() throws IOException {
    String le = "{\"title\":\"목포 갯벌 생태 조사\",\"body\":\"갯벌 생물 종이 늘었다.\"}\n";
    String be = "{\"title\":\"여수 섬 관광 늘어\",\"body\":\"섬을 찾는 관광객이 늘었다.\"}\n";
    Path f1 = Files.write(tmp.resolve("le.jsonl"), ("\uFEFF" + le).getBytes(StandardCharsets.UTF_16LE));
    Path f2 = Files.write(tmp.resolve("be.jsonl"), ("\uFEFF" + be).getBytes(StandardCharsets.UTF_16BE));

    IngestReport r = ingest(null, f1, f2);

    assertThat(r.hasRejections()).as("%s", r.rejections()).isFalse();
    assertThat(titles()).containsExactly("목포 갯벌 생태 조사", "여수 섬 관광 늘어");
  }

  @Test
  void mixed_file_keeps_utf8_and_cp949_lines_and_rejects_the_broken_one_naming_its_byte_offset() throws IOException {
    byte[] first = "{\"title\":\"UTF-8 기사\",\"body\":\"첫 줄은 UTF-8로 썼다.\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] second = "{\"title\":\"CP949 기사\",\"body\":\"둘째 줄은 옛 크롤러가 CP949로 저장했다.\"}\n".getBytes(TextEncoding.CP949);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(first);
    b.writeBytes(second);
    byte[] brokenHead = "{\"title\":\"깨진 ".getBytes(StandardCharsets.UTF_8);
    b.writeBytes(brokenHead);
    b.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
    b.writeBytes("\",\"body\":\"셋째 줄은 깨졌다.\"}\n".getBytes(StandardCharsets.UTF_8));
    Path f = Files.write(tmp.resolve("mixed.jsonl"), b.toByteArray());
    long offset = first.length + second.length + brokenHead.length;

    IngestReport r = ingest(null, f);

    assertThat(titles()).containsExactly("CP949 기사", "UTF-8 기사");
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.source()).isEqualTo(f.toString());
      assertThat(rej.line()).isEqualTo(3);
      assertThat(rej.problem()).startsWith("neither UTF-8 nor CP949/EUC-KR: the bytes at offset " + offset + " (0xC3 0x28 0xFF)");
    });
  }

  @Test
  void file_that_is_neither_is_rejected_whole_naming_the_byte_offset_and_the_next_file_is_read() throws IOException {
    // Latin-1 text: é followed by a space is no CP949 character and no UTF-8 sequence
    String latin = "- Festival de café à Gangneung\n- [Le Journal] Un festival très fréquenté.\n";
    Path bad = Files.write(tmp.resolve("latin1.txt"), latin.getBytes(StandardCharsets.ISO_8859_1));
    Path good = Files.write(tmp.resolve("good.txt"), LISTING.getBytes(StandardCharsets.UTF_8));

    IngestReport r = ingest(null, bad, good);

    assertThat(r.filesRejected()).isEqualTo(1);
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.source()).isEqualTo(bad.toString());
      assertThat(rej.line()).isZero();
      assertThat(rej.problem()).isEqualTo("neither UTF-8 nor CP949/EUC-KR: the bytes at offset 17 (0xE9 0x20 0xE0) do not decode"
          + " (line 1); give --encoding NAME if you know it");
    });
    assertThat(r.added()).isEqualTo(2);
  }

  @Test
  void forced_encoding_wins_over_what_the_bytes_look_like() throws IOException {
    String latin = "- Festival de café à Gangneung\n- [Le Journal] Un festival très fréquenté.\n";
    Path latin1 = Files.write(tmp.resolve("latin1.txt"), latin.getBytes(StandardCharsets.ISO_8859_1));
    Path cp949 = Files.write(tmp.resolve("cp949.txt"), LISTING.getBytes(TextEncoding.CP949));

    IngestReport asLatin1 = ingest(StandardCharsets.ISO_8859_1, latin1);
    IngestReport asUtf8 = ingest(StandardCharsets.UTF_8, cp949);

    assertThat(asLatin1.hasRejections()).isFalse();
    assertThat(titles()).containsExactly("Festival de café à Gangneung");
    assertThat(asUtf8.added()).isZero();
    assertThat(asUtf8.rejections()).filteredOn(rej -> rej.problem().startsWith("text does not decode as UTF-8")).hasSize(2);
  }

  @Test
  void cp949_feed_and_page_that_declare_nothing_are_read_as_cp949() throws IOException {
    String feed = "<rss><channel><title>동해일보</title><item><title>삼척 해상 풍력 착공</title>"
        + "<link>https://news.donghae.example/a/1</link><description>해상 풍력 단지가 착공했다.</description></item></channel></rss>";
    String page = "<html><head><title>정선 아리랑제 개막</title></head><body><article><h1>정선 아리랑제 개막</h1>"
        + "<p>정선 아리랑제가 사흘 일정으로 막을 올렸다. 올해는 공연이 늘었다.</p></article></body></html>";
    Path f = Files.write(tmp.resolve("feed.xml"), feed.getBytes(TextEncoding.CP949));
    Path p = Files.write(tmp.resolve("page.html"), page.getBytes(TextEncoding.CP949));

    IngestReport r = ingest(null, f, p);

    assertThat(r.hasRejections()).as("%s", r.rejections()).isFalse();
    assertThat(titles()).containsExactly("삼척 해상 풍력 착공", "정선 아리랑제 개막");
  }

  @Test
  void declared_encoding_is_the_documents_own() throws IOException {
    String feed = "<?xml version=\"1.0\" encoding=\"EUC-KR\"?><rss><channel><title>동해일보</title><item><title>동해 오징어 어획 감소</title>"
        + "<description>어획량이 줄었다.</description></item></channel></rss>";
    Path f = Files.write(tmp.resolve("declared.xml"), feed.getBytes(EUC_KR));

    IngestReport r = ingest(null, f);

    assertThat(r.hasRejections()).isFalse();
    assertThat(titles()).containsExactly("동해 오징어 어획 감소");
  }

  @Test
  void lines_are_decoded_alone_and_hangul_decides_cp949() {
    byte[] utf8 = "서울 비".getBytes(StandardCharsets.UTF_8);
    byte[] cp949 = "서울 비".getBytes(TextEncoding.CP949);
    byte[] latin = "café au lait".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(TextEncoding.decodeLine(utf8, 0, utf8.length, true)).isEqualTo("서울 비");
    assertThat(TextEncoding.decodeLine(cp949, 0, cp949.length, true)).isEqualTo("서울 비");
    assertThat(TextEncoding.decodeLine(latin, 0, latin.length, true)).isNull();
    assertThat(TextEncoding.forName("cp949")).isEqualTo(TextEncoding.CP949);
    assertThatThrownBy(() -> TextEncoding.forName("x-nothing")).hasMessageContaining("unknown encoding 'x-nothing'");
  }
}

package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.Freshness;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * The packed stored form of headlines and bodies: every UTF-16 unit reads back as written, in the
 * widths the layout promises; damaged bytes are refused with the field named; an index reads
 * articles stored packed and ones stored as strings alike.
 */
class PackedTextTest {
  @TempDir Path dir;

  static String roundTrip(String s) throws IOException {
    byte[] b = PackedText.encode(s);
    assertThat(b).hasSize(PackedText.encodedLength(s));
    return PackedText.decode(b, 0, b.length, "test");
  }

  @Test
  void every_utf16_unit_reads_back_in_its_width() throws IOException {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c <= 0xFFFF; c++) {
      String one = String.valueOf((char) c);
      int width = PackedText.encode(one).length;
      int expected = c < 0x80 ? 1 : (c >= 0xAC00 && c <= 0xD7A3) || c < 0x5300 ? 2 : 3;
      assertThat(width).as("U+%04X", c).isEqualTo(expected);
      assertThat(roundTrip(one)).as("U+%04X", c).isEqualTo(one);
      all.append((char) c);
    }
    assertThat(roundTrip(all.toString())).isEqualTo(all.toString());
  }

  @Test
  void random_text_with_surrogates_and_offsets_reads_back() throws IOException {
    Random rnd = new Random(20261125L);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(200);
      for (int i = 0; i < len; i++) {
        switch (rnd.nextInt(5)) {
          case 0 -> sb.append((char) rnd.nextInt(0x80));
          case 1, 2 -> sb.append((char) (0xAC00 + rnd.nextInt(11_172)));
          case 3 -> sb.appendCodePoint(0x1F600 + rnd.nextInt(80)); // a surrogate pair
          default -> sb.append((char) rnd.nextInt(0x10000)); // any unit, lone surrogates too
        }
      }
      String s = sb.toString();
      byte[] b = PackedText.encode(s);
      byte[] padded = new byte[b.length + 7];
      System.arraycopy(b, 0, padded, 3, b.length);
      assertThat(PackedText.decode(padded, 3, b.length, "t")).isEqualTo(s);
    }
  }

  @Test
  void korean_text_takes_two_thirds_of_its_utf8_bytes() {
    String s = "부산항 신항에서 스마트 항만 시범 운영이 시작됐다. 해양수산부는 2026년까지 자동화 부두를 늘린다고 밝혔다.";
    int utf8 = s.getBytes(StandardCharsets.UTF_8).length;
    int hangul = (int) s.chars().filter(c -> c >= 0xAC00 && c <= 0xD7A3).count();
    assertThat(PackedText.encode(s)).hasSize(utf8 - hangul);
  }

  @Test
  void damaged_bytes_are_refused_with_the_field_and_the_byte_named() {
    byte[] b = PackedText.encode("항구 소식");
    assertThatThrownBy(() -> PackedText.decode(b, 0, b.length - 1, "stored body of document 7"))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("stored body of document 7")
        .hasMessageContaining("ends inside a character at byte " + (b.length - 2));
    byte[] wide = PackedText.encode("\uFFFD");
    assertThatThrownBy(() -> PackedText.decode(wide, 0, 2, "stored title"))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("stored title");
    byte[] past = {(byte) 0xAB, (byte) 0xA4}; // U+D7A4, one past the last syllable
    assertThatThrownBy(() -> PackedText.decode(past, 0, 2, "stored title"))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("U+D7A4");
  }

  @Test
  void stored_strings_and_packed_bytes_read_alike() throws IOException {
    String title = "항만 자동화 — 韓·美 협력 ㅋㅋ";
    String body = "부두 운영사 ＡＢＣ는 \uD83D\uDEA2 선박 12척을 배정했다…";
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      Document older = new Document();
      older.add(new StoredField(Fields.TITLE, title));
      older.add(new StoredField(Fields.BODY, body));
      older.add(new StoredField(Fields.PRESS, "솔섬일보"));
      w.addDocument(older);
      Document packed = new Document();
      packed.add(new StoredField(Fields.TITLE, new BytesRef(PackedText.encode(title))));
      packed.add(new StoredField(Fields.BODY, new BytesRef(PackedText.encode(body))));
      packed.add(new StoredField(Fields.PRESS, "솔섬일보"));
      packed.add(new StoredField(Fields.EXTRA, new BytesRef(new byte[] {1, 2, 3}))); // another field's bytes stay bytes
      w.addDocument(packed);
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(d)) {
        var stored = r.storedFields();
        for (int doc = 0; doc < 2; doc++) {
          Document read = StoredDocs.read(stored, doc);
          assertThat(read.get(Fields.TITLE)).isEqualTo(title);
          assertThat(read.get(Fields.BODY)).isEqualTo(body);
          assertThat(read.get(Fields.PRESS)).isEqualTo("솔섬일보");
          assertThat(StoredDocs.read(stored, doc, Set.of(Fields.TITLE)).getFields()).hasSize(1);
        }
        assertThat(StoredDocs.read(stored, 1).getBinaryValue(Fields.EXTRA).bytes).containsExactly(1, 2, 3);
        assertThat(stored.document(0).getBinaryValue(Fields.TITLE)).isNull();
        assertThat(stored.document(1).getBinaryValue(Fields.TITLE)).isNotNull();
      }
    }
  }

  @Test
  void an_index_stores_the_text_packed_and_gives_it_back_whole_with_marks() throws IOException {
    String title = "부산항 스마트 항만 — 韓·美 \"공동 시범\" 📦";
    String body = "해양수산부는 부산항 신항에서 자동화 부두 시범 운영을 시작했다. 컨테이너 ＴＥＵ 처리량은 ½ 늘었고 ㅎㅎ 같은 반응도 있었다… \uD83D\uDEA2";
    Article a = new ArticleNormalizer().normalize(new ArticleDraft(
        title, body, "솔섬일보", List.of(), null, "2026-10-01", "https://packed.example/1", null, Map.of()));
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(a));
      index.commit();
      Article back = index.get(a.id()).orElseThrow();
      assertThat(back.title()).isEqualTo(a.title());
      assertThat(back.body()).isEqualTo(a.body());
      SearchPage page = index.search(SearchRequest.of("자동화 부두").withFreshness(Freshness.OFF));
      assertThat(page.hits()).hasSize(1);
      assertThat(page.hits().get(0).title()).isEqualTo(a.title());
      assertThat(page.hits().get(0).snippet().markedWords()).containsExactly("자동화 부두"); // the offsets fall on the text read back
    }
    try (FSDirectory d = FSDirectory.open(dir.resolve("lucene"));
        DirectoryReader r = DirectoryReader.open(d)) {
      LeafReader leaf = r.leaves().get(0).reader();
      Document raw = leaf.storedFields().document(0);
      BytesRef stored = raw.getBinaryValue(Fields.BODY);
      assertThat(stored).as("the body is stored as bytes").isNotNull();
      assertThat(stored.length).isEqualTo(PackedText.encodedLength(a.body()))
          .isLessThan(a.body().getBytes(StandardCharsets.UTF_8).length);
    }
    assertThat(IndexMetadata.read(dir).formatVersion()).isEqualTo(IndexMetadata.FORMAT_VERSION).isGreaterThanOrEqualTo(5);
  }

  @Test
  void an_index_of_a_later_layout_is_refused_with_both_versions_named() throws IOException {
    Article a = new ArticleNormalizer().normalize(new ArticleDraft(
        "항만 소식", "부두 운영 시작", "솔섬일보", List.of(), null, "2026-10-01", "https://packed.example/2", null, Map.of()));
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      index.upsert(List.of(a));
      index.commit();
    }
    IndexMetadata now = IndexMetadata.read(dir);
    new IndexMetadata(IndexMetadata.FORMAT_VERSION + 1, now.analyzerVersion(), now.dictionaryFingerprint(), now.created()).write(dir);
    for (LuceneNewsIndex.Mode mode : LuceneNewsIndex.Mode.values()) {
      assertThatThrownBy(() -> LuceneNewsIndex.open(dir, mode).close())
          .isInstanceOf(IOException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("layout version " + (IndexMetadata.FORMAT_VERSION + 1))
          .hasMessageContaining("(" + IndexMetadata.FORMAT_VERSION + ")");
    }
    new IndexMetadata(IndexMetadata.FORMAT_VERSION, now.analyzerVersion(), now.dictionaryFingerprint(), now.created()).write(dir);
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.READ_ONLY)) {
      assertThat(index.get(a.id()).orElseThrow().body()).isEqualTo(a.body()); // nothing was lost
    }
  }
}

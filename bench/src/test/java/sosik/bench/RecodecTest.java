package sosik.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.index.lucene.MemberCard;
import sosik.index.lucene.PackedText;

/**
 * {@code recodec --pack --cards} turns headlines and bodies stored as strings into the packed
 * layout and gives every article the member card indexing would give it, so that the size and
 * speed it is used to measure are those of the layout; run again, it leaves both as they are.
 */
class RecodecTest {
  @TempDir Path dir;

  @Test
  void strings_become_packed_text_and_every_article_gets_its_card() throws Exception {
    List<String[]> articles = new ArrayList<>();
    Path from = dir.resolve("from");
    try (FSDirectory d = FSDirectory.open(from.resolve("lucene"));
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (int i = 0; i < 60; i++) {
        String[] a = {"https://recodec.example/" + i, "항만 소식 " + i + " — 韓·美", "부산항 신항 자동화 부두 " + "운영 ".repeat(i) + "📦"};
        articles.add(a);
        Document doc = new Document();
        doc.add(new StringField("id", a[0], Field.Store.YES));
        doc.add(new StoredField("title", a[1]));
        doc.add(new StoredField("body", a[2]));
        w.addDocument(doc);
        if (i % 20 == 19) {
          w.commit(); // three segments, merged into one
        }
      }
    }
    Path packed = dir.resolve("packed");
    Recodec.main(new String[] {"--from", from.toString(), "--to", packed.toString(), "--mode", "speed", "--pack", "--cards"});
    List<byte[]> first = check(packed, articles);

    Path again = dir.resolve("again");
    Recodec.main(new String[] {"--from", packed.toString(), "--to", again.toString(), "--mode", "speed", "--pack", "--cards"});
    List<byte[]> second = check(again, articles);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).isEqualTo(first.get(i));
    }

    assertThatThrownBy(() -> Recodec.main(new String[] {"--from", from.toString(), "--to", packed.toString(), "--mode", "speed"}))
        .hasMessageContaining(packed + " exists");
  }

  /** Every article's text reads back packed and its card is the one indexing writes; the cards, in document order. */
  private static List<byte[]> check(Path index, List<String[]> articles) throws Exception {
    List<byte[]> cards = new ArrayList<>();
    try (FSDirectory d = FSDirectory.open(index.resolve("lucene"));
        DirectoryReader r = DirectoryReader.open(d)) {
      assertThat(r.leaves()).hasSize(1);
      LeafReader leaf = r.leaves().get(0).reader();
      assertThat(leaf.maxDoc()).isEqualTo(articles.size());
      BinaryDocValues dv = leaf.getBinaryDocValues("member_card_dv");
      assertThat(dv).isNotNull();
      int seen = 0;
      for (int doc = 0; doc < leaf.maxDoc(); doc++) {
        Document stored = leaf.storedFields().document(doc);
        String id = stored.get("id");
        String[] a = articles.stream().filter(x -> x[0].equals(id)).findFirst().orElseThrow();
        BytesRef title = stored.getBinaryValue("title");
        BytesRef body = stored.getBinaryValue("body");
        assertThat(title).as("title stored as bytes").isNotNull();
        assertThat(PackedText.decode(title.bytes, title.offset, title.length, "title")).isEqualTo(a[1]);
        assertThat(PackedText.decode(body.bytes, body.offset, body.length, "body")).isEqualTo(a[2]);
        assertThat(dv.advanceExact(doc)).isTrue();
        BytesRef card = dv.binaryValue();
        byte[] bytes = java.util.Arrays.copyOfRange(card.bytes, card.offset, card.offset + card.length);
        assertThat(bytes).isEqualTo(MemberCard.encode(a[0], a[1]));
        cards.add(bytes);
        seen++;
      }
      assertThat(seen).isEqualTo(articles.size());
    }
    return cards;
  }
}

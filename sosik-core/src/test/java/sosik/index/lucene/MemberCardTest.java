package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.group.GroupMember;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.Freshness;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * A group's members read from their cards and doc values are exactly the members read from their
 * stored fields: in an index whose first articles were written before the cards, with deleted
 * members, members without a press or a date, on grouped pages and member lists alike.
 */
class MemberCardTest {
  @TempDir Path dir;

  static final String[] PRESSES = ParallelSearchTest.PRESSES;

  static Article undated(int n, String title, String body) {
    return new ArticleNormalizer().normalize(
        new ArticleDraft(title, body, null, List.of(), null, null, "https://card.example/" + n, null, Map.of()));
  }

  @Test
  void members_from_cards_equal_members_from_stored_fields() throws IOException {
    Random rnd = new Random(20261125L);
    List<Article> earlier = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    try (LuceneNewsIndex index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      int n = 0;
      for (int batch = 0; batch < 6; batch++) {
        index.writeMemberCards(batch >= 2); // the first two segments as an index from before the cards
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 80; i++, n++) {
          if (n % 3 == 2 && !earlier.isEmpty()) {
            Article src = earlier.get(rnd.nextInt(earlier.size()));
            int day = src.publishedAt() == null ? 5 : src.publishedAt().atZone(java.time.ZoneId.of("Asia/Seoul")).getDayOfMonth();
            String body = src.body() + " " + ParallelSearchTest.WORDS[n % ParallelSearchTest.WORDS.length] + " 덧붙였다.";
            articles.add(n % 17 == 0 ? undated(n, src.title(), body)
                : ParallelSearchTest.article(n, PRESSES[rnd.nextInt(PRESSES.length)], src.title(), body, day, 21));
          } else {
            Article a = ParallelSearchTest.article(n, PRESSES[rnd.nextInt(PRESSES.length)],
                ParallelSearchTest.words(rnd, 3 + rnd.nextInt(3)), ParallelSearchTest.words(rnd, 20 + rnd.nextInt(20)),
                1 + rnd.nextInt(19), rnd.nextInt(19));
            articles.add(a);
            earlier.add(a);
          }
        }
        index.upsert(articles);
        index.commit();
        if (batch == 3) { // members deleted from groups old and new
          for (int k = 0; k < 12; k++) {
            String id = earlier.get(rnd.nextInt(earlier.size())).id();
            if (index.delete(id)) {
              deleted.add(id);
            }
          }
          index.commit();
        }
      }
      assertThat(deleted).isNotEmpty();

      Set<String> groups = new LinkedHashSet<>();
      List<SearchRequest> requests = new ArrayList<>();
      for (String w : List.of("반도체", "금리", "수출 정부", "항구", "시장 -금리", "\"인공지능 부동산\"")) {
        requests.add(SearchRequest.of(w).withFreshness(Freshness.OFF).withGrouped(true).withPage(1, 100));
      }
      int carded = 0;
      int mixed = 0;
      int withUndated = 0;
      for (SearchRequest r : requests) {
        index.useMemberCards(true);
        SearchPage cards = index.search(r);
        index.useMemberCards(false);
        SearchPage stored = index.search(r);
        assertThat(cards.groups()).as(r.toString()).isEqualTo(stored.groups());
        assertThat(cards.hits()).as(r.toString()).isEqualTo(stored.hits());
        for (SearchPage.HitGroup g : cards.groups()) {
          groups.add(g.summary().groupId());
        }
      }
      index.useMemberCards(true);
      Set<String> cardIds = cardIds(dir);
      for (String g : groups) {
        index.useMemberCards(true);
        List<GroupMember> fromCards = index.groupMembers(g);
        index.useMemberCards(false);
        List<GroupMember> fromStored = index.groupMembers(g);
        assertThat(fromCards).as(g).isEqualTo(fromStored).isNotEmpty();
        assertThat(fromCards).extracting(GroupMember::id).doesNotContainAnyElementsOf(deleted);
        long withCard = fromCards.stream().filter(m -> cardIds.contains(m.id())).count();
        if (withCard > 0) {
          carded++;
        }
        if (withCard > 0 && withCard < fromCards.size()) {
          mixed++;
        }
        if (fromCards.size() > 1 && fromCards.stream().anyMatch(m -> m.publishedAt() == null && m.press() == null)) {
          withUndated++;
        }
      }
      index.useMemberCards(true);
      assertThat(groups).hasSizeGreaterThan(50);
      assertThat(carded).as("groups with members read from cards").isGreaterThan(20);
      assertThat(mixed).as("groups with members from before and after the cards").isPositive();
      assertThat(withUndated).as("groups with a member without press and date").isPositive();
    }
  }

  /** The ids on the cards the index holds, read raw; and every card reads back whole. */
  private static Set<String> cardIds(Path dir) throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    try (FSDirectory d = FSDirectory.open(dir.resolve("lucene"));
        DirectoryReader r = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : r.leaves()) {
        BinaryDocValues cards = leaf.reader().getBinaryDocValues(Fields.MEMBER_CARD_DV);
        if (cards == null) {
          continue;
        }
        for (int doc = cards.nextDoc(); doc != BinaryDocValues.NO_MORE_DOCS; doc = cards.nextDoc()) {
          var b = cards.binaryValue();
          MemberCard.Read read = MemberCard.decode(b.bytes, b.offset, b.length, "card");
          assertThat(read.title()).isNotEmpty();
          ids.add(read.id());
        }
      }
    }
    assertThat(ids).isNotEmpty();
    return ids;
  }

  @Test
  void a_card_reads_back_and_damage_is_named() throws IOException {
    String id = "https://card.example/기사/" + "x".repeat(200); // an id longer than one length byte holds
    byte[] card = MemberCard.encode(id, "항만 자동화 — 韓·美 📦");
    MemberCard.Read read = MemberCard.decode(card, 0, card.length, "card");
    assertThat(read.id()).isEqualTo(id);
    assertThat(read.title()).isEqualTo("항만 자동화 — 韓·美 📦");
    assertThat(MemberCard.decode(MemberCard.encode("a", ""), 0, 2, "card").title()).isEmpty();
    assertThatThrownBy(() -> MemberCard.decode(card, 0, 2, "member card of document 9"))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("member card of document 9")
        .hasMessageContaining("id of " + id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes");
    assertThatThrownBy(() -> MemberCard.decode(new byte[] {(byte) 0x80}, 0, 1, "card"))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("ends inside the id's length");
  }
}

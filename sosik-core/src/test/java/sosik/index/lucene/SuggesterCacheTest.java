package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.search.Suggester;

/** The search box's words are saved beside the index and read back only for the state they came from. */
class SuggesterCacheTest {
  @TempDir Path dir;

  private static Article article(String title, String url) {
    return new ArticleNormalizer().normalize(new ArticleDraft(title, title + " 본문입니다.", "한빛일보", List.of(), null,
        "2026-11-01T09:00:00+09:00", url, null, Map.of()));
  }

  private static List<String> words(Suggester s, String prefix) {
    return s.suggest(prefix, 10).stream().map(Suggester.Suggestion::text).toList();
  }

  @Test
  void words_are_saved_read_back_for_the_same_state_and_read_again_after_a_change() throws IOException {
    Path file = dir.resolve(LuceneNewsIndex.SUGGEST_FILE);
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      idx.upsert(List.of(article("누리칩스 새 공장 착공", "https://a.example/1"), article("누리칩스 실적 발표", "https://a.example/2")));
      idx.commit();
      assertThat(words(idx.suggester(), "누리")).containsExactly("누리칩스");
      assertThat(file).exists();
    }
    // mark the saved file: a process that reads it back (not the headlines) offers the marked word
    String saved = Files.readString(file);
    Files.writeString(file, saved.replace("누리칩스\t2", "누리칩스표시\t2"));
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.READ_ONLY)) {
      assertThat(words(idx.suggester(), "누리")).containsExactly("누리칩스표시");
    }
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      assertThat(words(idx.suggester(), "누리")).containsExactly("누리칩스표시");
      // a new article changes the state: the headlines are read again and the file replaced
      idx.upsert(List.of(article("누리칩스 2공장 증설", "https://a.example/3")));
      idx.commit();
      assertThat(words(idx.suggester(), "누리")).contains("누리칩스").doesNotContain("누리칩스표시");
    }
    assertThat(Files.readString(file)).doesNotContain("누리칩스표시").contains("누리칩스\t3");
  }

  @Test
  void a_damaged_file_is_ignored_and_replaced() throws IOException {
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      idx.upsert(List.of(article("누리칩스 새 공장 착공", "https://a.example/1")));
      idx.commit();
      Path file = dir.resolve(LuceneNewsIndex.SUGGEST_FILE);
      idx.suggester();
      String header = Files.readAllLines(file).get(0);
      Files.writeString(file, header + "\n누리칩스\t둘\n");
      assertThat(words(idx.suggester(), "누리")).containsExactly("누리칩스");
      Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
      assertThat(words(idx.suggester(), "누리")).containsExactly("누리칩스");
      assertThat(Files.readAllLines(file)).contains("누리칩스\t1");
    }
  }
}

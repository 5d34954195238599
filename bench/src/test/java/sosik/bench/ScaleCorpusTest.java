package sosik.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosik.article.ArticleId;
import sosik.ingest.ArticleDraft;
import sosik.ingest.Formats;
import sosik.ingest.ReadSink;
import sosik.testing.SharedData;

/** The scale corpus generator at 1,000 articles: deterministic, readable by Sosik, shaped like news. */
class ScaleCorpusTest {
  static ScaleCorpus.Pools pools;

  @BeforeAll
  static void load() throws IOException {
    pools = ScaleCorpus.load(SharedData.dir().resolve("data"));
  }

  static String generate(long seed, long articles) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScaleCorpus.Summary s = new ScaleCorpus(pools, seed, 365).write(articles, out);
    assertThat(s.articles()).isEqualTo(articles);
    return out.toString(StandardCharsets.UTF_8);
  }

  static List<ArticleDraft> read(String jsonl) throws IOException {
    List<ArticleDraft> drafts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Formats.byName("jsonl").read("scale.jsonl", new BufferedReader(new StringReader(jsonl)), new ReadSink() {
      @Override
      public void article(ArticleDraft draft, int line) {
        drafts.add(draft);
      }

      @Override
      public void reject(int line, String problem) {
        problems.add(line + ": " + problem);
      }
    });
    assertThat(problems).isEmpty();
    return drafts;
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherCorpus() throws IOException {
    String a = generate(7, 1000);
    assertThat(generate(7, 1000)).isEqualTo(a);
    assertThat(generate(8, 1000)).isNotEqualTo(a);
    // a longer run starts with the shorter one
    assertThat(generate(7, 1500)).startsWith(a.substring(0, a.lastIndexOf('\n', a.length() / 2)));
  }

  @Test
  void everyArticleReadsAsNewsWithItsOwnIdentity() throws IOException {
    List<ArticleDraft> drafts = read(generate(3, 1000));
    assertThat(drafts).hasSize(1000);
    Set<String> ids = new HashSet<>();
    Map<String, Integer> byPress = new HashMap<>();
    Map<String, Integer> storySizes = new HashMap<>();
    Instant min = Instant.MAX;
    Instant max = Instant.MIN;
    for (ArticleDraft d : drafts) {
      assertThat(d.title()).isNotBlank();
      assertThat(d.body()).contains(d.reporters().get(0) + " 기자");
      assertThat(d.body().codePoints().filter(c -> c >= 0xAC00 && c <= 0xD7A3).count()).isGreaterThan(10);
      ids.add(ArticleId.canonicalUrl(d.url()));
      byPress.merge(d.press(), 1, Integer::sum);
      storySizes.merge(d.extra().get("story"), 1, Integer::sum);
      Instant at = OffsetDateTime.parse(d.publishedAt()).toInstant();
      min = at.isBefore(min) ? at : min;
      max = at.isAfter(max) ? at : max;
    }
    assertThat(ids).as("distinct URLs").hasSize(1000);
    assertThat(byPress.size()).as("presses").isGreaterThanOrEqualTo(25);
    // Zipf: the most frequent press far ahead of the median one
    List<Integer> counts = byPress.values().stream().sorted().toList();
    assertThat(counts.get(counts.size() - 1)).isGreaterThan(3 * counts.get(counts.size() / 2));
    assertThat(java.time.Duration.between(min, max).toDays()).isGreaterThan(300);
    // wire stories reprinted by other outlets: a good share of stories have several articles
    long multi = storySizes.values().stream().filter(n -> n > 1).count();
    assertThat(multi).isGreaterThan(storySizes.size() / 10);
    assertThat(storySizes.values().stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aReprintCarriesTheWireTextUnderAnotherByline() throws IOException {
    List<ArticleDraft> drafts = read(generate(5, 1000));
    Map<String, List<ArticleDraft>> stories = new HashMap<>();
    for (ArticleDraft d : drafts) {
      stories.computeIfAbsent(d.extra().get("story"), k -> new ArrayList<>()).add(d);
    }
    int checked = 0;
    for (List<ArticleDraft> story : stories.values()) {
      ArticleDraft first = story.get(0);
      if (story.size() < 2 || !ScaleCorpus.WIRES.contains(first.press())) {
        continue;
      }
      for (ArticleDraft copy : story.subList(1, story.size())) {
        assertThat(copy.press()).isNotEqualTo(first.press());
        String firstSentence = first.body().substring(first.body().indexOf(" = ") + 3).split("(?<=다\\.) ")[0];
        assertThat(copy.body()).contains(firstSentence);
        assertThat(OffsetDateTime.parse(copy.publishedAt())).isAfterOrEqualTo(OffsetDateTime.parse(first.publishedAt()));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void badSizesAreRefusedByName() {
    assertThatThrownBy(() -> new ScaleCorpus(pools, 1, 0)).hasMessageContaining("--days");
    assertThatThrownBy(() -> ScaleCorpus.main(new String[] {"--articles", "10"})).hasMessageContaining("--out");
    assertThatThrownBy(() -> ScaleCorpus.main(new String[] {"--rows", "10"})).hasMessageContaining("'--rows'");
  }
}

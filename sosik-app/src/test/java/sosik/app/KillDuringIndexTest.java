package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.ArticleId;
import sosik.index.lucene.LuceneNewsIndex;

/**
 * {@code sosik index} killed with SIGKILL in the middle of a run: the index on disk is whole, holds
 * every article it reported committed, and the same input again completes it without duplicates.
 */
class KillDuringIndexTest {
  private static final int ARTICLES = 12_000;
  private static final int COMMIT_EVERY = 200;
  private static final Pattern COMMITTED = Pattern.compile("committed so far: (\\d+)");
  private static final String[] CITIES = {"서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "수원", "청주", "전주", "춘천"};
  private static final String[] TOPICS = {"버스 노선 개편", "도서관 야간 개관", "공원 산책로 정비", "전통시장 주차장 확충",
      "하천 수질 조사", "청년 창업 지원", "어린이 보호구역 점검", "노인 일자리 박람회"};

  @TempDir Path tmp;

  /** Articles of text written for this test: article {@code i} is at {@code https://news.sigkill.example/a/i}. */
  private Path corpus() throws IOException {
    Path f = tmp.resolve("corpus.jsonl");
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      for (int i = 0; i < ARTICLES; i++) {
        String city = CITIES[i % CITIES.length];
        String topic = TOPICS[(i / CITIES.length) % TOPICS.length];
        w.write("{\"title\":\"" + city + " " + topic + " " + i + "호 소식\",\"body\":\"" + city + "시가 " + topic
            + " 계획을 발표했다. 시는 " + (i % 97 + 3) + "억원을 들여 내년 " + (i % 12 + 1) + "월까지 마칠 예정이라고 밝혔다. 관리번호 "
            + i + ".\",\"press\":\"시민일보\",\"url\":\"" + url(i) + "\"}\n");
      }
    }
    return f;
  }

  private static String url(int i) {
    return "https://news.sigkill.example/a/" + i;
  }

  private static String id(int i) {
    return ArticleId.of(ArticleId.canonicalUrl(url(i)), null, null, null, null, "");
  }

  @Test
  void sigkill_after_a_commit_leaves_a_whole_index_with_every_committed_article_and_a_rerun_adds_only_the_rest() throws Exception {
    Path corpus = corpus();
    Path index = tmp.resolve("index");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Dfile.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"), "sosik.app.Main",
        "index", corpus.toString(), "--index", index.toString(), "--commit-every", String.valueOf(COMMIT_EVERY));
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    long reported = 0;
    Process p = pb.start();
    try {
      Thread pump = new Thread(() -> {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
          for (String l; (l = err.readLine()) != null; ) {
            lines.add(l);
          }
        } catch (IOException e) {
          // the process is gone
        }
      });
      pump.setDaemon(true);
      pump.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (reported == 0 && System.nanoTime() < deadline) {
        String l = lines.poll(200, TimeUnit.MILLISECONDS);
        if (l == null) {
          assertThat(p.isAlive()).as("sosik index ended before its first commit").isTrue();
          continue;
        }
        Matcher m = COMMITTED.matcher(l);
        if (m.find()) {
          reported = Long.parseLong(m.group(1));
        }
      }
      assertThat(reported).as("a 'committed so far' line").isPositive();
    } finally {
      p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no closing of the index
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(p.exitValue()).as("killed, not finished").isEqualTo(137);
    // every later line that arrived before the kill reported more
    for (String l; (l = lines.poll()) != null; ) {
      Matcher m = COMMITTED.matcher(l);
      if (m.find()) {
        reported = Math.max(reported, Long.parseLong(m.group(1)));
      }
    }

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (FSDirectory dir = FSDirectory.open(index.resolve("lucene")); CheckIndex check = new CheckIndex(dir)) {
      check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
      CheckIndex.Status status = check.checkIndex();
      assertThat(status.clean).as(log.toString(StandardCharsets.UTF_8)).isTrue();
    }
    long present;
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(index, LuceneNewsIndex.Mode.READ_ONLY)) {
      present = idx.stats().articles();
      assertThat(present).isGreaterThanOrEqualTo(reported).isLessThan(ARTICLES);
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < reported; i++) {
        if (idx.get(id(i)).isEmpty()) {
          missing.add(i);
        }
      }
      assertThat(missing).as("articles reported committed but missing").isEmpty();
    }

    Cli.Result again = Cli.index(index, corpus.toString(), "--json", "-q");

    assertThat(again.code()).as(again.toString()).isEqualTo(ExitCodes.OK);
    assertThat(again.json().get("unchanged").asLong()).isEqualTo(present);
    assertThat(again.json().get("added").asLong()).isEqualTo(ARTICLES - present);
    assertThat(again.json().get("updated").asLong()).isZero();
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(index, LuceneNewsIndex.Mode.READ_ONLY)) {
      Set<String> ids = new HashSet<>();
      idx.forEach(a -> ids.add(a.id()));
      assertThat(idx.stats().articles()).isEqualTo(ARTICLES);
      assertThat(ids).hasSize(ARTICLES);
    }
  }
}

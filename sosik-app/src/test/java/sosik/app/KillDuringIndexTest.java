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
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.ArticleId;
import sosik.index.lucene.LuceneNewsIndex;

/**
 * {@code sosik index} killed with SIGKILL at several random moments of one batch, each time run again
 * with the same command: after every kill the index on disk opens, passes Lucene's CheckIndex and
 * holds every article reported committed so far; a last complete run finishes the batch with
 * exactly the input's articles, none twice. The moments come from a seeded {@link Random}: the seed
 * is in every assertion message, and {@code -Dsosik.killSeed=N} replays a run.
 */
class KillDuringIndexTest {
  private static final int ARTICLES = 6_000;
  private static final int COMMIT_EVERY = 100;
  /** Kills in one batch: the first before any commit, the others after some commits of their run. */
  private static final int KILLS = 4;
  private static final Pattern COMMITTED = Pattern.compile("committed so far: (\\d+)");
  private static final Pattern SUMMARY = Pattern.compile("([\\d,]+) added, ([\\d,]+) updated, ([\\d,]+) unchanged, ([\\d,]+) rejected");
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

  /** One run of {@code sosik index} as a child process, its standard error read line by line. */
  private static final class Run {
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final Thread pump;

    Run(List<String> command, Path stdout) throws IOException {
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
      process = pb.start();
      pump = new Thread(() -> {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
          for (String l; (l = err.readLine()) != null; ) {
            lines.add(l);
          }
        } catch (IOException e) {
          // the process is gone
        }
      });
      pump.setDaemon(true);
      pump.start();
    }

    /** SIGKILL on Linux (no shutdown hook runs, the index is not closed), then the rest of its output. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      pump.join(TimeUnit.SECONDS.toMillis(10));
    }
  }

  private static long committed(String line) {
    Matcher m = COMMITTED.matcher(line);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  @Test
  void sigkill_at_several_random_moments_leaves_a_whole_index_each_time_and_a_rerun_completes_the_batch_once() throws Exception {
    long seed = Long.getLong("sosik.killSeed", new Random().nextLong());
    Random random = new Random(seed);
    String replay = "seed " + seed + " (replay with -Dsosik.killSeed=" + seed + ")";
    long t0 = System.nanoTime();
    Path corpus = corpus();
    Path index = tmp.resolve("index");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx512m", "-Dfile.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
        "-Dsun.stdout.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "sosik.app.Main",
        "index", corpus.toString(), "--index", index.toString(), "--commit-every", String.valueOf(COMMIT_EVERY));
    Set<String> allIds = new HashSet<>();
    for (int i = 0; i < ARTICLES; i++) {
      allIds.add(id(i));
    }
    assertThat(allIds).hasSize(ARTICLES);

    long reported = 0; // the most any run reported committed: that many articles from the input's start
    List<String> moments = new ArrayList<>();
    for (int k = 0; k < KILLS; k++) {
      // the first run dies before its first commit, the others 1-5 commits past what is already on disk
      long delayMs = k == 0 ? 50 + random.nextInt(450) : random.nextInt(300);
      long target = k == 0 ? -1 : reported + (long) COMMIT_EVERY * (1 + random.nextInt(5));
      String what = replay + ": kill " + (k + 1);
      long start = System.nanoTime();
      long seen = 0;
      int commitLines = 0;
      Run run = new Run(command, null);
      try {
        long deadline = start + TimeUnit.SECONDS.toNanos(120);
        while (target > 0 && seen < target) {
          assertThat(System.nanoTime()).as("%s: no 'committed so far: %d' within 120 s", what, target).isLessThan(deadline);
          String l = run.lines.poll(100, TimeUnit.MILLISECONDS);
          if (l == null) {
            assertThat(run.process.isAlive()).as("%s: sosik index ended before committing %d articles", what, target).isTrue();
            continue;
          }
          long c = committed(l);
          if (c >= 0) {
            commitLines++;
            seen = Math.max(seen, c);
          }
        }
        Thread.sleep(delayMs);
      } finally {
        run.kill();
      }
      long killedAfterMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(run.process.exitValue()).as("%s: killed, not finished", what).isEqualTo(137);
      // the pump has read everything the run wrote before it died: later commit lines reported more
      for (String l; (l = run.lines.poll()) != null; ) {
        long c = committed(l);
        if (c >= 0) {
          commitLines++;
          seen = Math.max(seen, c);
        }
      }
      if (k == 0) {
        assertThat(seen).as("%s: killed %d ms after start, meant to be before any commit", what, killedAfterMs).isZero();
      }
      reported = Math.max(reported, seen);
      moments.add(k == 0
          ? String.format("kill %d at %d ms, before any commit", k + 1, killedAfterMs)
          : String.format("kill %d at %d ms, %d ms after 'committed so far: %d' (%d commit lines read from the run, %d reported committed so far)", k + 1,
              killedAfterMs, delayMs, target, commitLines, reported));

      Path lucene = index.resolve("lucene");
      boolean exists;
      try (FSDirectory dir = FSDirectory.open(lucene)) {
        exists = Files.isDirectory(lucene) && DirectoryReader.indexExists(dir);
      }
      if (exists) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (FSDirectory dir = FSDirectory.open(lucene); CheckIndex check = new CheckIndex(dir)) {
          check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
          CheckIndex.Status status = check.checkIndex();
          assertThat(status.clean).as("%s: CheckIndex%n%s", what, log.toString(StandardCharsets.UTF_8)).isTrue();
        }
      }
      LuceneNewsIndex idx;
      try {
        idx = LuceneNewsIndex.open(index, LuceneNewsIndex.Mode.READ_ONLY);
      } catch (LuceneNewsIndex.NoIndexException e) {
        // killed before the index was first written: then nothing may have been reported committed
        assertThat(reported).as("%s: no index to open (%s) although %d articles were reported committed", what, e.getMessage(), reported)
            .isZero();
        continue;
      }
      try (idx) {
        long present = idx.stats().articles();
        assertThat(present).as("%s: articles on disk", what).isGreaterThanOrEqualTo(reported).isLessThan(ARTICLES);
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < reported; i++) {
          if (idx.get(id(i)).isEmpty()) {
            missing.add(i);
          }
        }
        assertThat(missing).as("%s: articles reported committed but missing", what).isEmpty();
        Set<String> ids = new HashSet<>();
        idx.forEach(a -> ids.add(a.id()));
        assertThat(ids).as("%s: ids on disk, none twice and none foreign", what).hasSize((int) present).isSubsetOf(allIds);
      }
    }

    // the same command once more, to the end
    long present;
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(index, LuceneNewsIndex.Mode.READ_ONLY)) {
      present = idx.stats().articles();
    }
    Path stdout = tmp.resolve("last-run.txt");
    Run last = new Run(command, stdout);
    try {
      assertThat(last.process.waitFor(180, TimeUnit.SECONDS)).as("%s: the last run finishes", replay).isTrue();
    } finally {
      last.kill();
    }
    String summary = Files.readString(stdout, StandardCharsets.UTF_8);
    assertThat(last.process.exitValue()).as("%s: %s", replay, summary).isEqualTo(ExitCodes.OK);
    Matcher m = SUMMARY.matcher(summary);
    assertThat(m.find()).as("%s: summary line in %s", replay, summary).isTrue();
    long[] counts = new long[4];
    for (int i = 0; i < 4; i++) {
      counts[i] = Long.parseLong(m.group(i + 1).replace(",", ""));
    }
    assertThat(counts).as("%s: added, updated, unchanged, rejected of the last run (%d on disk before it)", replay, present)
        .containsExactly(ARTICLES - present, 0, present, 0);
    try (FSDirectory dir = FSDirectory.open(index.resolve("lucene")); CheckIndex check = new CheckIndex(dir)) {
      assertThat(check.checkIndex().clean).as("%s: CheckIndex after the last run", replay).isTrue();
    }
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(index, LuceneNewsIndex.Mode.READ_ONLY)) {
      List<String> ids = new ArrayList<>();
      idx.forEach(a -> ids.add(a.id()));
      assertThat(idx.stats().articles()).as(replay).isEqualTo(ARTICLES);
      assertThat(ids).as("%s: every article once", replay).hasSize(ARTICLES).doesNotHaveDuplicates();
      assertThat(new HashSet<>(ids)).as(replay).isEqualTo(allIds);
    }
    System.out.printf("KillDuringIndexTest %s: %s; last run %,d added, %,d unchanged; %.1f s%n", replay, String.join("; ", moments),
        counts[0], counts[2], (System.nanoTime() - t0) / 1e9);
  }
}

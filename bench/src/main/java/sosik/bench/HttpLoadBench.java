package sosik.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load run over HTTP: N clients on loopback each send the next query of a fixed list
 * to {@code /api/search}, wait for the answer, and go on, for a fixed time; then the same at the
 * next concurrency level. Reports throughput, p50/p99 latency and errors per level. The run is
 * bounded in count and time and only ever talks to the URL it is given (a server on this machine).
 *
 * <pre>java -cp sosik-bench.jar sosik.bench.HttpLoadBench URL QUERIES_FILE [SECONDS] [LEVELS]</pre>
 */
public final class HttpLoadBench {
  private HttpLoadBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: HttpLoadBench http://127.0.0.1:PORT QUERIES_FILE [SECONDS_PER_LEVEL=10] [LEVELS=1,2,4,8,16]");
      System.exit(2);
    }
    String base = args[0].replaceAll("/+$", "");
    URI check = URI.create(base);
    if (!List.of("127.0.0.1", "localhost", "[::1]").contains(check.getHost())) {
      System.err.println("HttpLoadBench only loads a server on this machine (127.0.0.1, localhost, [::1])");
      System.exit(2);
    }
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        queries.add(line.strip());
      }
    }
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    String[] levels = (args.length > 3 ? args[3] : "1,2,4,8,16").split(",");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // warm-up: every query once, then 5 s of the list in a loop, so the levels measure a warm JIT
    for (String q : queries) {
      send(http, base, q);
    }
    long warm = System.nanoTime() + 5_000_000_000L;
    for (int i = 0; System.nanoTime() < warm; i++) {
      send(http, base, queries.get(i % queries.size()));
    }
    System.out.printf("HTTP load on %s/api/search, %d queries, %d s per level%n", base, queries.size(), seconds);
    System.out.printf("%-12s %10s %10s %10s %10s %8s%n", "concurrency", "requests", "req/s", "p50 ms", "p99 ms", "errors");
    for (String l : levels) {
      int c = Integer.parseInt(l.strip());
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      AtomicLong next = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      List<List<Double>> perThread = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < c; i++) {
        List<Double> mine = new ArrayList<>();
        perThread.add(mine);
        Thread t = new Thread(() -> {
          while (System.nanoTime() < deadline) {
            String q = queries.get((int) (next.getAndIncrement() % queries.size()));
            long s = System.nanoTime();
            try {
              if (send(http, base, q) != 200) {
                errors.incrementAndGet();
              }
            } catch (IOException | InterruptedException e) {
              errors.incrementAndGet();
            }
            mine.add((System.nanoTime() - s) / 1e6);
          }
        });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      double elapsed = (System.nanoTime() - t0) / 1e9;
      double[] all = perThread.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
      System.out.printf("%-12d %10d %10.0f %10.2f %10.2f %8d%n", c, all.length, all.length / elapsed,
          Stats.percentile(all, 50), Stats.percentile(all, 99), errors.get());
    }
  }

  private static int send(HttpClient http, String base, String q) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(30)).build();
    HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
    return r.statusCode();
  }
}

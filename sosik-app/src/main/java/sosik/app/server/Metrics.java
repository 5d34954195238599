package sosik.app.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Request counts and a latency histogram, written in the Prometheus text format. */
final class Metrics {
  static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final LongAdder[] bucketCounts = new LongAdder[BUCKETS.length];
  private final LongAdder count = new LongAdder();
  private final AtomicLong sumMicros = new AtomicLong();

  Metrics() {
    for (int i = 0; i < BUCKETS.length; i++) {
      bucketCounts[i] = new LongAdder();
    }
  }

  void record(String route, String method, int status, double millis) {
    String key = "route=\"" + escape(route) + "\",method=\"" + method + "\",status=\"" + status + "\"";
    requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    double seconds = millis / 1000.0;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        bucketCounts[i].increment();
      }
    }
    count.increment();
    sumMicros.addAndGet(Math.round(millis * 1000));
  }

  String render(long articles, long indexBytes, int segments) {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP sosik_http_requests_total HTTP requests by route, method and status.\n");
    sb.append("# TYPE sosik_http_requests_total counter\n");
    requests.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> sb.append("sosik_http_requests_total{").append(e.getKey()).append("} ").append(e.getValue().sum()).append('\n'));
    sb.append("# HELP sosik_http_request_duration_seconds Time to answer an HTTP request.\n");
    sb.append("# TYPE sosik_http_request_duration_seconds histogram\n");
    for (int i = 0; i < BUCKETS.length; i++) {
      sb.append("sosik_http_request_duration_seconds_bucket{le=\"").append(BUCKETS[i]).append("\"} ")
          .append(bucketCounts[i].sum()).append('\n');
    }
    sb.append("sosik_http_request_duration_seconds_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
    sb.append("sosik_http_request_duration_seconds_sum ").append(sumMicros.get() / 1e6).append('\n');
    sb.append("sosik_http_request_duration_seconds_count ").append(count.sum()).append('\n');
    sb.append("# HELP sosik_index_articles Articles in the index.\n# TYPE sosik_index_articles gauge\n");
    sb.append("sosik_index_articles ").append(articles).append('\n');
    sb.append("# HELP sosik_index_size_bytes Index size on disk.\n# TYPE sosik_index_size_bytes gauge\n");
    sb.append("sosik_index_size_bytes ").append(indexBytes).append('\n');
    if (segments >= 0) {
      sb.append("# HELP sosik_index_segments Segments a search visits (sosik optimize merges them).\n# TYPE sosik_index_segments gauge\n");
      sb.append("sosik_index_segments ").append(segments).append('\n');
    }
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}

package sosik.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the client says and does when the cluster is down or slow; no node needed. */
class OpenSearchClientTest {
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void a_write_to_a_down_cluster_is_retried_with_backoff_then_fails_naming_the_node() throws IOException {
    String url = "http://127.0.0.1:" + freePort();
    OpenSearchClient c = new OpenSearchClient(url, Duration.ofSeconds(2));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> c.sendWithRetries("POST", "/sosik/_bulk", "{}\n"))
        .isInstanceOf(OpenSearchClient.ClusterException.class)
        .hasMessageContaining(url).hasMessageContaining("connection refused").hasMessageContaining("after 5 attempts");
    double seconds = (System.nanoTime() - t0) / 1e9;
    // pauses of 0.5 + 1 + 2 + 4 s between the five attempts, and no more
    assertThat(seconds).isBetween(7.4, 20.0);
  }

  @Test
  void a_read_from_a_down_cluster_fails_at_once() throws IOException {
    String url = "http://127.0.0.1:" + freePort();
    OpenSearchClient c = new OpenSearchClient(url, Duration.ofSeconds(2));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> c.call("GET", "/sosik/_search", null)).hasMessageContaining(url);
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(3.0);
  }

  @Test
  void a_node_that_accepts_but_does_not_answer_is_reported_as_slow() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (IOException e) {
          // closed at the end of the test
        }
      });
      acceptor.start();
      String url = "http://127.0.0.1:" + silent.getLocalPort();
      OpenSearchClient c = new OpenSearchClient(url, Duration.ofSeconds(1));
      assertThatThrownBy(() -> c.call("POST", "/sosik/_search", "{}"))
          .isInstanceOf(OpenSearchClient.ClusterException.class)
          .hasMessageContaining(url).hasMessageContaining("did not answer POST /sosik/_search within 1 s");
      silent.close();
      acceptor.join(5000);
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void urls_are_checked_and_named() {
    assertThatThrownBy(() -> new OpenSearchClient("localhost:9200", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'localhost:9200'").hasMessageContaining("http(s)://host:port");
    assertThatThrownBy(() -> new OpenSearchClient(" , ", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no OpenSearch URL");
    assertThat(new OpenSearchClient("http://a:9200/, http://b:9200", Duration.ofSeconds(1)).urls()).isEqualTo("http://a:9200,http://b:9200");
  }
}

package sosik.opensearch.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Real OpenSearch nodes for tests, on loopback ports: the distribution unpacked once, Sosik's
 * analysis plugin installed into it, and each node with its own configuration, data and logs.
 *
 * <p>OpenSearch refuses to run as root. When the tests run as root (CI does), the nodes run as the
 * system user {@value #USER} (created by {@code .ci/run}; by hand: {@code useradd --system
 * --create-home sosik-os}). Without that user, or without the distribution, a test that needs a
 * node fails on CI (environment variable {@code CI} set) and is skipped elsewhere, saying why.
 *
 * <p>Every node started is stopped by {@link #close()} and, should the test JVM end first, by a
 * shutdown hook. {@link #shared()} gives one single-node cluster for the whole test JVM.
 *
 * <p>Paths come from system properties set by the module's surefire configuration: {@code
 * sosik.opensearch.distribution} (the {@code integ-test-zip}), {@code sosik.opensearch.plugin} (the
 * plugin zip) and {@code sosik.opensearch.work} (where to unpack and run).
 */
public final class OpenSearchCluster implements AutoCloseable {
  public static final String USER = "sosik-os";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static OpenSearchCluster shared;
  private static RuntimeException sharedFailure;

  private final Path home;
  private final Path dir;
  private final String clusterName;
  private final List<Node> nodes = new ArrayList<>();
  private final Thread hook;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** One node of the cluster. */
  public final class Node {
    final String name;
    final Path dir;
    final int httpPort;
    final int transportPort;
    Process process;

    Node(String name, Path dir, int httpPort, int transportPort) {
      this.name = name;
      this.dir = dir;
      this.httpPort = httpPort;
      this.transportPort = transportPort;
    }

    public String name() {
      return name;
    }

    public String url() {
      return "http://127.0.0.1:" + httpPort;
    }

    public boolean running() {
      return process != null && process.isAlive();
    }

    /** The last lines the node printed, for failure messages. */
    public String logTail() {
      Path log = dir.resolve("logs").resolve("console.log");
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
      } catch (IOException e) {
        return "(no log at " + log + ")";
      }
    }
  }

  private OpenSearchCluster(Path home, Path dir, String clusterName) {
    this.home = home;
    this.dir = dir;
    this.clusterName = clusterName;
    this.hook = new Thread(this::stopAll, "stop OpenSearch " + clusterName);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The single-node cluster shared by every test of this JVM; stopped when the JVM ends. */
  public static synchronized OpenSearchCluster shared() {
    if (sharedFailure != null) {
      throw new IllegalStateException("the shared OpenSearch node failed to start earlier: " + sharedFailure.getMessage(), sharedFailure);
    }
    if (shared == null) {
      try {
        shared = start(1);
      } catch (RuntimeException e) {
        if (!(e instanceof org.opentest4j.TestAbortedException)) {
          sharedFailure = e;
        }
        throw e;
      }
    }
    return shared;
  }

  /** Starts {@code n} nodes as one cluster and waits until it is green. */
  public static OpenSearchCluster start(int n) {
    Path home = prepareHome();
    Path work = workDir();
    String name = "sosik-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
    OpenSearchCluster c = new OpenSearchCluster(home, work.resolve("clusters").resolve(name), name);
    boolean ok = false;
    try {
      for (int i = 0; i < n; i++) {
        c.nodes.add(c.new Node("node-" + i, c.dir.resolve("node-" + i), freePort(), freePort()));
      }
      for (Node node : c.nodes) {
        c.launch(node);
      }
      c.waitForNodes(n, "green", START_TIMEOUT);
      ok = true;
      return c;
    } finally {
      if (!ok) {
        c.close();
      }
    }
  }

  public String url() {
    return nodes.get(0).url();
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** Every running node's URL, comma separated. */
  public String urls() {
    return String.join(",", nodes.stream().filter(Node::running).map(Node::url).toList());
  }

  /** Kills the node at once (SIGKILL), as a crash or a pulled plug would. */
  public void kill(Node node) throws InterruptedException {
    node.process.destroyForcibly();
    node.process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Starts a stopped node again with its data, and waits until the cluster has all its nodes. */
  public void restart(Node node, String status) {
    launch(node);
    waitForNodes(nodes.size(), status, START_TIMEOUT);
  }

  /** Waits until the cluster has {@code count} nodes and at least {@code status}. */
  public void waitForNodes(int count, String status, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Node node : nodes) {
        if (node.process != null && !node.process.isAlive() && node.process.exitValue() != 137 && node.process.exitValue() != 143) {
          throw new IllegalStateException(
              "OpenSearch " + node.name + " exited with " + node.process.exitValue() + ":\n" + node.logTail());
        }
      }
      for (Node node : nodes) {
        if (!node.running()) {
          continue;
        }
        try {
          HttpResponse<String> r = http.send(
              HttpRequest.newBuilder(URI.create(node.url() + "/_cluster/health?wait_for_status=" + status
                      + "&wait_for_nodes=" + count + "&timeout=2s"))
                  .timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
          last = node.name + ": HTTP " + r.statusCode() + " " + r.body();
          if (r.statusCode() == 200 && !r.body().contains("\"timed_out\":true")) {
            return;
          }
        } catch (IOException e) {
          last = node.name + ": " + e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        break;
      }
      sleep(500);
    }
    throw new IllegalStateException(
        "OpenSearch cluster " + clusterName + " did not reach " + count + " nodes, " + status + " within " + timeout
            + "; last: " + last + "\n" + nodes.get(0).logTail());
  }

  private void launch(Node node) {
    try {
      boolean fresh = !Files.exists(node.dir);
      Files.createDirectories(node.dir.resolve("logs"));
      Files.createDirectories(node.dir.resolve("data"));
      Files.createDirectories(node.dir.resolve("tmp"));
      if (fresh || !Files.exists(node.dir.resolve("config"))) {
        copyTree(home.resolve("config"), node.dir.resolve("config"));
        // the launcher runs from the installation, which this node's user may not write: its GC log,
        // heap dumps and crash files go to the node's own directories
        Path jvm = node.dir.resolve("config").resolve("jvm.options");
        String logs = node.dir.resolve("logs") + "/";
        Files.writeString(jvm, Files.readString(jvm)
            .replace("file=logs/", "file=" + logs).replace("-Xloggc:logs/", "-Xloggc:" + logs)
            .replace("-XX:ErrorFile=logs/", "-XX:ErrorFile=" + logs)
            .replace("-XX:HeapDumpPath=data", "-XX:HeapDumpPath=" + node.dir.resolve("data")));
      }
      if (root()) {
        run(List.of("chown", "-R", USER + ":", node.dir.toString()), Duration.ofSeconds(60));
      }
      List<String> cmd = new ArrayList<>();
      if (root()) {
        cmd.addAll(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups", "--"));
      }
      cmd.add(home.resolve("bin").resolve("opensearch").toString());
      List<String> settings = new ArrayList<>(List.of(
          "cluster.name=" + clusterName,
          "node.name=" + node.name,
          "path.data=" + node.dir.resolve("data"),
          "path.logs=" + node.dir.resolve("logs"),
          "network.host=127.0.0.1",
          "http.port=" + node.httpPort,
          "transport.port=" + node.transportPort,
          // a nearly full disk must not leave replicas unassigned in a test
          "cluster.routing.allocation.disk.threshold_enabled=false",
          "action.auto_create_index=false"));
      if (nodes.size() == 1) {
        settings.add("discovery.type=single-node");
      } else {
        settings.add("discovery.seed_hosts=" + String.join(",", nodes.stream().map(x -> "127.0.0.1:" + x.transportPort).toList()));
        settings.add("cluster.initial_cluster_manager_nodes=" + String.join(",", nodes.stream().map(x -> x.name).toList()));
      }
      for (String s : settings) {
        cmd.add("-E");
        cmd.add(s);
      }
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(node.dir.toFile());
      pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
      pb.environment().put("OPENSEARCH_PATH_CONF", node.dir.resolve("config").toString());
      pb.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
      pb.environment().put("OPENSEARCH_TMPDIR", node.dir.resolve("tmp").toString());
      pb.environment().put("HOME", node.dir.toString());
      pb.environment().remove("JAVA_TOOL_OPTIONS");
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(node.dir.resolve("logs").resolve("console.log").toFile()));
      node.process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start OpenSearch " + node.name + " in " + node.dir, e);
    }
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs anyway
    }
    deleteTree(dir);
  }

  private synchronized void stopAll() {
    for (Node node : nodes) {
      Process p = node.process;
      if (p == null || !p.isAlive()) {
        continue;
      }
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Node node : nodes) {
      Process p = node.process;
      if (p == null) {
        continue;
      }
      try {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---- the installation, once per work directory ----

  private static Path workDir;

  /**
   * Where the installation and the nodes live: {@code sosik.opensearch.work} (the module's
   * target/opensearch). When the tests run as root from a place the node user cannot reach (a
   * clone under /root), a directory under the system's temporary directory instead.
   */
  static synchronized Path workDir() {
    if (workDir != null) {
      return workDir;
    }
    String w = System.getProperty("sosik.opensearch.work");
    Path dir = w != null && !w.isBlank() ? Path.of(w) : Path.of("target", "opensearch").toAbsolutePath();
    try {
      Files.createDirectories(dir);
      if (root() && userExists() && !reachableByUser(dir)) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "sosik-opensearch-" + Integer.toHexString(dir.toString().hashCode()));
        Files.createDirectories(tmp);
        tmp.toFile().setReadable(true, false);
        tmp.toFile().setExecutable(true, false);
        dir = tmp;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    workDir = dir;
    return dir;
  }

  /** The OpenSearch installation the nodes run from (with Sosik's plugin once a node has started). */
  public static Path installation() {
    return workDir().resolve("home");
  }

  /** Whether the node user can enter {@code dir} (every directory above it must let it through). */
  private static boolean reachableByUser(Path dir) {
    try {
      Process p = new ProcessBuilder("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups", "--", "test", "-x",
          dir.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static synchronized Path prepareHome() {
    Path dist = requiredFile("sosik.opensearch.distribution", "the OpenSearch distribution zip");
    Path plugin = requiredFile("sosik.opensearch.plugin", "the Sosik analysis plugin zip");
    if (root() && !userExists()) {
      missing("OpenSearch refuses to run as root and the user " + USER
          + " to run it as does not exist; create it with 'useradd --system --create-home " + USER + "'");
    }
    Path work = workDir();
    Path home = work.resolve("home");
    try {
      String stamp = dist.getFileName() + " " + Files.size(dist) + "\n" + plugin.getFileName() + " " + Files.size(plugin) + " "
          + Files.getLastModifiedTime(plugin).toMillis() + "\n";
      Path marker = work.resolve("installed.txt");
      if (Files.exists(marker) && Files.readString(marker).equals(stamp) && Files.isDirectory(home)) {
        return home;
      }
      deleteTree(home);
      Files.createDirectories(home);
      unzipStripping(dist, home);
      try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
        bin.forEach(f -> f.toFile().setExecutable(true, false));
      }
      List<String> install = List.of(home.resolve("bin").resolve("opensearch-plugin").toString(), "install", "--batch",
          plugin.toUri().toString());
      ProcessBuilder pb = new ProcessBuilder(install).redirectErrorStream(true);
      pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
      pb.environment().put("OPENSEARCH_PATH_CONF", home.resolve("config").toString());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("installing " + plugin + " failed:\n" + out);
      }
      Files.writeString(marker, stamp);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare OpenSearch under " + home, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path requiredFile(String property, String what) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank() || !Files.isRegularFile(Path.of(v))) {
      missing(what + " was not found (system property " + property + " = " + v
          + "; run the tests through Maven, which fetches it)");
    }
    return Path.of(v);
  }

  /** Unzips, dropping the archive's top directory (opensearch-2.19.1/). */
  private static void unzipStripping(Path zip, Path into) throws IOException {
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        String name = e.getName();
        int slash = name.indexOf('/');
        if (slash < 0 || slash == name.length() - 1) {
          continue;
        }
        Path target = into.resolve(name.substring(slash + 1)).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("zip entry " + name + " points outside " + into);
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean userExists() {
    try {
      Process p = new ProcessBuilder("id", "-u", USER).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void run(List<String> cmd, Duration timeout) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void missing(String why) {
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank()) {
      fail(why);
    }
    Assumptions.assumeTrue(false, why);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // best effort: target/ is cleaned by the next build anyway
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package sosik.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sosik.app.server.SosikServer;
import sosik.index.NewsIndex;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the web page at / and the REST API under /api (see docs/API.md).",
      "The write token comes from --token, else $SOSIK_TOKEN, else 'token=' in $XDG_CONFIG_HOME/sosik/config.properties",
      "(~/.config/sosik/config.properties); without one, writes are refused."
    })
final class ServeCommand extends ConsoleCommand implements Callable<Integer> {
  @Mixin IndexOption index;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--token", paramLabel = "TOKEN", description = "Token that writes (POST/DELETE) must send as 'Authorization: Bearer TOKEN'.")
  String token;

  @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "" + SosikServer.Config.DEFAULT_MAX_BODY,
      description = "Largest request body (default: ${DEFAULT-VALUE}).")
  long maxBody;

  @Mixin SearchThreadsOption searchThreads;

  @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "10",
      description = "Searches everyday queries before opening the port, until the JIT compiler has settled or SECONDS have passed,"
          + " so that the first users are not served by code still being compiled (default: ${DEFAULT-VALUE}; 0 skips it).")
  double warmup;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port " + port + " is not a port number (0..65535)");
    }
    searchThreads.check(index);
    if (!(warmup >= 0) || warmup > 3600) {
      throw new IllegalArgumentException("--warmup " + warmup + ": give the seconds a warm-up may take, 0 to 3600 (0 skips it)");
    }
    String effectiveToken = resolveToken();
    NewsIndex idx = index.open(true, console::warn);
    searchThreads.applyTo(idx);
    // load Nori's dictionaries now rather than in the first user's request
    idx.search(sosik.search.SearchRequest.of("반도체"));
    if (warmup > 0) {
      WarmUp.Result w = WarmUp.run(idx, java.time.Duration.ofMillis(Math.round(warmup * 1000)));
      console.out().printf("warmed up in %.1f s: %,d searches, %s (--warmup 0 skips it)%n", w.took().toMillis() / 1000.0, w.searches(),
          w.settled() ? "the compiler settled" : "stopped at the --warmup limit");
      console.out().flush();
    }
    SosikServer server = new SosikServer(idx, new SosikServer.Config(host, port, effectiveToken, maxBody));
    try {
      server.start();
    } catch (RuntimeException e) {
      idx.close();
      throw new IOException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      try {
        idx.close();
      } catch (IOException ignored) {
        // the process is ending; committed articles are safe on disk
      }
      stopped.countDown();
    }));
    console.out().printf("Sosik is serving %s at http://%s:%d/ (API: /api/search, writes %s). Ctrl-C stops it.%n",
        index.location(), host, server.port(), effectiveToken == null ? "disabled" : "need the token");
    console.out().flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private String resolveToken() throws IOException {
    if (token != null && !token.isBlank()) {
      return token.strip();
    }
    String env = System.getenv("SOSIK_TOKEN");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    Path f = base.resolve("sosik").resolve("config.properties");
    if (Files.exists(f)) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(f)) {
        p.load(in);
      }
      String t = p.getProperty("token");
      if (t != null && !t.isBlank()) {
        return t.strip();
      }
    }
    return null;
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}

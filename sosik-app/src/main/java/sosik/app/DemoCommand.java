package sosik.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Indexes the demo corpus (demo/corpus in the repository), answers a Korean search,",
      "then serves the web page and the API on it (unless --no-serve)."
    })
final class DemoCommand extends ConsoleCommand implements Callable<Integer> {
  @Mixin IndexOption index;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Demo corpus directory (default: demo/corpus of the Sosik checkout).")
  Path corpus;

  @Option(names = "--no-serve", description = "Stop after the search instead of starting the server.")
  boolean noServe;

  @Option(names = "--port", defaultValue = "8080", description = "Port for the server (default: ${DEFAULT-VALUE}).")
  int port;

  @Parameters(paramLabel = "QUERY", arity = "0..1", defaultValue = "AI 반도체", description = "The search to run (default: ${DEFAULT-VALUE}).")
  String query;

  @Override
  public Integer call() throws Exception {
    index.requireEmbedded("demo");
    Path dir = corpus != null ? corpus : defaultCorpus();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("demo corpus " + dir + " is not a directory (give --corpus DIR)");
    }
    String idx = index.dir().toString();
    if (sosik.index.lucene.LuceneNewsIndex.exists(index.dir())) {
      // a demo index left by an earlier release: its articles are unchanged, so indexing them again
      // would keep the older layout; moving it to this release's takes a moment for the demo corpus
      boolean behind;
      try (var existing = index.open(false, console::warn)) {
        behind = existing.stats().layoutBehind();
      }
      if (behind) {
        console.out().println("$ sosik reindex --index " + idx + "   # written by an earlier release");
        int code = Main.commandLine(console.out(), console.err(), console.tty()).execute("reindex", "--index", idx);
        if (code != ExitCodes.OK) {
          return code;
        }
        console.out().println();
      }
    }
    console.out().println("$ sosik index " + dir);
    int code = Main.commandLine(console.out(), console.err(), console.tty())
        .execute("index", "--index", idx, "--quiet", dir.toString());
    if (code != ExitCodes.OK) {
      return code;
    }
    console.out().println();
    console.out().println("$ sosik search \"" + query + "\" --size 5");
    code = Main.commandLine(console.out(), console.err(), console.tty()).execute("search", "--index", idx, "--size", "5", query);
    if (code == ExitCodes.OK) {
      // a wire story and its reprints, shown as one hit with 관련뉴스 N건
      console.out().println();
      console.out().println("$ sosik search 팹리스 --size 2");
      code = Main.commandLine(console.out(), console.err(), console.tty()).execute("search", "--index", idx, "--size", "2", "팹리스");
    }
    console.out().println();
    console.out().println(noServe ? "Try next:" : "Also try, in another terminal:");
    for (String next : List.of(
        "./sosik search \"반도체 -배터리\" --sort latest",
        "./sosik search \"누리칩스\" --json",
        "./sosik search \"AI 반도체\" --no-group",
        "./sosik trend 반도체 --by week",
        "./sosik search \"언론사:한결통신 금리\"",
        "./sosik stats")) {
      console.out().println("  " + next + (index.index != null ? " --index " + idx : ""));
    }
    console.out().flush();
    if (code != ExitCodes.OK || noServe) {
      return code;
    }
    console.out().println();
    return Main.commandLine(console.out(), console.err(), console.tty())
        .execute("serve", "--index", idx, "--port", Integer.toString(port));
  }

  static Path defaultCorpus() {
    String home = System.getProperty("sosik.home");
    Path base = home != null ? Path.of(home) : Path.of("");
    return base.resolve("demo").resolve("corpus").toAbsolutePath();
  }
}

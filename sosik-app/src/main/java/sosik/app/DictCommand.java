package sosik.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sosik.analysis.NewsDictionary;
import sosik.index.lucene.LuceneNewsIndex;

@Command(
    name = "dict",
    mixinStandardHelpOptions = true,
    description = {
      "The user dictionary: words Korean analysis should keep whole (new companies, products, names).",
      "Kept in DIR/userdict.txt of the index, one entry a line: a word, or a word and its parts."
    },
    subcommands = {DictCommand.Add.class, DictCommand.Remove.class, DictCommand.ListWords.class, DictSuggestCommand.class})
final class DictCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path file(Path indexDir) {
    return indexDir.resolve(LuceneNewsIndex.USER_DICTIONARY);
  }

  static List<String> read(Path f) throws IOException {
    return Files.exists(f) ? new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8)) : new ArrayList<>();
  }

  static void write(Path f, List<String> lines) throws IOException {
    Files.createDirectories(f.getParent());
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Re-analyses the index so the changed dictionary applies to what is already indexed. */
  static void reindex(Path dir, Console console) throws IOException {
    if (!LuceneNewsIndex.exists(dir)) {
      return;
    }
    LuceneNewsIndex idx;
    try {
      idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    } catch (IOException e) {
      if (!(e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException)) {
        throw e;
      }
      // a server has the index: it takes up the file itself and re-analyses in the background
      console.err().println("index " + dir + " is open in another Sosik process (a server?): it takes up the changed"
          + " dictionary within a second and re-analyses the articles in the background");
      console.err().flush();
      return;
    }
    try (idx) {
      long n = idx.reindex(done -> {});
      console.err().printf("re-analysed %,d articles with the new dictionary%n", n);
      console.err().flush();
    }
  }

  private static String key(String line) {
    String t = line.strip();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a word (optionally with its parts: 딥테크벤처 딥테크 벤처) and re-analyses the index.")
  static final class Add extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;

    @Parameters(paramLabel = "WORD", arity = "1..*", description = "The word, then optionally its parts.")
    List<String> entry;

    @Option(names = "--no-reindex", description = "Do not re-analyse the indexed articles now (run 'sosik reindex' later).")
    boolean noReindex;

    @Override
    public Integer call() throws Exception {
      index.requireEmbedded("dict");
      String line = String.join(" ", entry).strip();
      String problem = NewsDictionary.validate(line);
      if (problem != null) {
        throw new IllegalArgumentException("dictionary entry '" + line + "': " + problem);
      }
      Path f = file(index.dir());
      List<String> lines = read(f);
      lines.removeIf(l -> key(l).equals(key(line)));
      lines.add(line);
      write(f, lines);
      console.out().println("added '" + line + "' to " + f);
      console.out().flush();
      if (!noReindex) {
        reindex(index.dir(), console);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a word that 'dict add' added, and re-analyses the index.")
  static final class Remove extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;

    @Parameters(paramLabel = "WORD", description = "The word to remove.")
    String word;

    @Option(names = "--no-reindex", description = "Do not re-analyse the indexed articles now.")
    boolean noReindex;

    @Override
    public Integer call() throws Exception {
      index.requireEmbedded("dict");
      Path f = file(index.dir());
      List<String> lines = read(f);
      if (!lines.removeIf(l -> key(l).equals(word.strip()))) {
        throw new IllegalArgumentException("'" + word + "' is not in the user dictionary " + f
            + (NewsDictionary.load(null).bundledEntries().stream().anyMatch(e -> key(e).equals(word.strip()))
                ? " (it is in the bundled dictionary, which cannot be changed)" : ""));
      }
      write(f, lines);
      console.out().println("removed '" + word + "' from " + f);
      console.out().flush();
      if (!noReindex) {
        reindex(index.dir(), console);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the user's words (and, with --all, the bundled ones).")
  static final class ListWords extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;

    @Option(names = "--all", description = "Also list the bundled news dictionary.")
    boolean all;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      index.requireEmbedded("dict");
      NewsDictionary d = NewsDictionary.load(file(index.dir()));
      if (json) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        d.userEntries().forEach(o.putArray("user")::add);
        if (all) {
          d.bundledEntries().forEach(o.putArray("bundled")::add);
        }
        console.out().println(Json.write(o));
      } else {
        if (all) {
          d.bundledEntries().forEach(e -> console.out().println(e + "\t(bundled)"));
        }
        d.userEntries().forEach(console.out()::println);
        if (d.userEntries().isEmpty() && !all) {
          console.err().println("no user words yet; add one with 'sosik dict add WORD'");
        }
      }
      console.out().flush();
      return ExitCodes.OK;
    }
  }
}

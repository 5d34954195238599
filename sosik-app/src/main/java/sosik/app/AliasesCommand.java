package sosik.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sosik.analysis.Aliases;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.opensearch.OpenSearchNewsIndex;

@Command(
    name = "aliases",
    mixinStandardHelpOptions = true,
    description = {
      "Abbreviation pairs (과기부 = 과학기술정보통신부): a search for either form also finds the other.",
      "Learned from the articles that define them, 과학기술정보통신부(과기부), and trusted once seen in 3 articles",
      "or in 2 from 2 presses; pairs added by hand are used at once and override learned ones.",
      "Kept in DIR/aliases.tsv of the index; with --backend opensearch, on the cluster in NAME.sosik-aliases."
    },
    subcommands = {AliasesCommand.ListPairs.class, AliasesCommand.Add.class, AliasesCommand.Remove.class, AliasesCommand.Learn.class})
final class AliasesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path file(Path indexDir) {
    return indexDir.resolve(Aliases.FILE);
  }

  /** The table where the index keeps it: DIR/aliases.tsv, or the cluster beside an OpenSearch index. */
  static final class Store implements AutoCloseable {
    final Aliases table;
    final String where;
    private final Path file;
    private final OpenSearchNewsIndex os;

    private Store(Aliases table, String where, Path file, OpenSearchNewsIndex os) {
      this.table = table;
      this.where = where;
      this.file = file;
      this.os = os;
    }

    static Store open(IndexOption index) throws java.io.IOException {
      if (index.backend() == IndexOption.Backend.OPENSEARCH) {
        OpenSearchNewsIndex os = (OpenSearchNewsIndex) index.open(false, w -> {});
        return new Store(os.aliases(), index.opensearchUrl() + "/" + OpenSearchNewsIndex.aliasesIndex(os.name()), null, os);
      }
      if (index.opensearchUrl != null || index.opensearchIndex != null) {
        throw new IllegalArgumentException("--opensearch-url and --opensearch-index need --backend opensearch");
      }
      return new Store(Aliases.load(file(index.dir())), file(index.dir()).toString(), file(index.dir()), null);
    }

    void save() throws java.io.IOException {
      if (os != null) {
        os.saveAliases();
      } else {
        table.save(file);
      }
    }

    @Override
    public void close() {
      if (os != null) {
        os.close();
      }
    }
  }

  static ObjectNode json(Aliases table, Aliases.Entry e) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("short", e.shortForm());
    o.put("long", e.longForm());
    o.put("state", e.state().name().toLowerCase(Locale.ROOT));
    o.put("in_use", table.inUse(e));
    o.put("articles", e.articles());
    ArrayNode presses = o.putArray("presses");
    e.presses().stream().sorted().forEach(presses::add);
    ArrayNode ids = o.putArray("example_ids");
    e.exampleIds().forEach(ids::add);
    return o;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the pairs in use (with --all, also candidates and removed pairs).")
  static final class ListPairs extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;

    @Option(names = "--all", description = "Also list learned pairs not yet trusted, and removed ones.")
    boolean all;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      try (Store store = Store.open(index)) {
        return list(store.table);
      }
    }

    private Integer list(Aliases table) {
      List<Aliases.Entry> shown = all ? table.entries() : table.entries().stream().filter(table::inUse).toList();
      if (json) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("in_use", table.inUse().size());
        o.put("known", table.entries().size());
        ArrayNode pairs = o.putArray("pairs");
        shown.forEach(e -> pairs.add(json(table, e)));
        console.out().println(Json.write(o));
      } else {
        for (Aliases.Entry e : shown) {
          String state = e.state().name().toLowerCase(Locale.ROOT);
          if (e.state() == Aliases.State.LEARNED && !table.inUse(e)) {
            state = "candidate";
          }
          console.out().printf("%s\t%s\t%s\t%d articles, %d presses%n",
              e.shortForm(), e.longForm(), state, e.articles(), e.presses().size());
        }
        if (shown.isEmpty()) {
          console.err().println("no abbreviation pairs in use yet; articles that define one teach it, or 'sosik aliases add SHORT LONG'");
        }
      }
      console.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a pair, used at once: sosik aliases add 과기부 과학기술정보통신부")
  static final class Add extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;

    @Parameters(index = "0", paramLabel = "SHORT", description = "The short form (과기부, MS).")
    String shortForm;

    @Parameters(index = "1", paramLabel = "LONG", description = "The long form (과학기술정보통신부, 마이크로소프트).")
    String longForm;

    @Override
    public Integer call() throws Exception {
      try (Store store = Store.open(index)) {
        store.table.add(shortForm, longForm); // names the pair and the problem when it is not one
        store.save();
        console.out().println("added '" + shortForm.strip() + "' = '" + longForm.strip() + "' to " + store.where);
      }
      console.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stops using a pair; a learned pair is not learned again.")
  static final class Remove extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;

    @Parameters(index = "0", paramLabel = "SHORT")
    String shortForm;

    @Parameters(index = "1", paramLabel = "LONG")
    String longForm;

    @Override
    public Integer call() throws Exception {
      try (Store store = Store.open(index)) {
        if (!store.table.remove(shortForm, longForm)) {
          throw new IllegalArgumentException(
              "'" + shortForm + "' = '" + longForm + "' is not a known pair in " + store.where + " (see 'sosik aliases list --all')");
        }
        store.save();
      }
      console.out().println("removed '" + shortForm.strip() + "' = '" + longForm.strip() + "'");
      console.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "learn", mixinStandardHelpOptions = true, description = "Reads every indexed article again for pairs (for an index built before pairs were learned).")
  static final class Learn extends ConsoleCommand implements Callable<Integer> {
    @Mixin IndexOption index;

    @Override
    public Integer call() throws Exception {
      if (index.backend() == IndexOption.Backend.OPENSEARCH) {
        try (OpenSearchNewsIndex idx = (OpenSearchNewsIndex) index.open(false, w -> {})) {
          Aliases table = idx.aliases();
          idx.forEach(a -> table.observe(a.id(), a.press(), a.title() + "\n" + a.body()));
          idx.saveAliases();
          console.out().printf("%,d pairs in use, %,d known%n", table.inUse().size(), table.entries().size());
        }
      } else {
        try (LuceneNewsIndex idx = LuceneNewsIndex.open(index.dir(), LuceneNewsIndex.Mode.WRITE)) {
          Aliases table = idx.aliases();
          idx.forEach(a -> table.observe(a.id(), a.press(), a.title() + "\n" + a.body()));
          idx.saveAliases();
          console.out().printf("%,d pairs in use, %,d known%n", table.inUse().size(), table.entries().size());
        }
      }
      console.out().flush();
      return ExitCodes.OK;
    }
  }
}

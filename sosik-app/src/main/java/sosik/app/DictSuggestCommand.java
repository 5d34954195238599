package sosik.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sosik.analysis.NewWordFinder;
import sosik.index.lucene.LuceneNewsIndex;

@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    description = {
      "Proposes words the dictionary lacks, from the indexed articles: recurring words that end like nouns",
      "(nothing or a particle follows them) and that Korean analysis cuts into odd pieces (파네시아 → 파네 + 시 + 아).",
      "Add the good ones with 'sosik dict add WORD'."
    })
final class DictSuggestCommand extends ConsoleCommand implements Callable<Integer> {
  @Mixin IndexOption index;

  @Option(names = "--min-count", paramLabel = "N", defaultValue = "3", description = "Articles a word must appear in (default ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Most suggestions to print (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (minCount < 1) {
      throw new IllegalArgumentException("--min-count must be 1 or more, got " + minCount);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be 1 or more, got " + limit);
    }
    List<NewWordFinder.Suggestion> found;
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(index.dir(), LuceneNewsIndex.Mode.READ_ONLY)) {
      NewWordFinder finder = new NewWordFinder(idx.dictionary(), minCount);
      idx.forEach(a -> finder.add(a.id(), a.title() + "\n" + a.body()));
      found = finder.suggestions(limit);
    }
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      ArrayNode arr = o.putArray("suggestions");
      for (NewWordFinder.Suggestion s : found) {
        ObjectNode n = arr.addObject();
        n.put("word", s.word());
        n.put("articles", s.texts());
        n.put("occurrences", s.occurrences());
        n.put("noun_endings", Math.round(s.nounEndings() * 1000) / 1000.0);
        ArrayNode pieces = n.putArray("analysed_now");
        s.noriPieces().forEach(pieces::add);
        n.put("example", s.example());
        n.put("example_id", s.exampleId());
      }
      console.out().println(Json.write(o));
    } else {
      for (NewWordFinder.Suggestion s : found) {
        console.out().printf("%s\t%d articles\tnow %s\t…%s…%n", s.word(), s.texts(), String.join(" + ", s.noriPieces()), s.example());
      }
      if (found.isEmpty()) {
        console.err().println("no suggestions (try a lower --min-count)");
      }
    }
    console.out().flush();
    return ExitCodes.OK;
  }
}

package sosik.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import sosik.search.Explanation;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sosik.article.Byline;
import sosik.article.KoreaTime;
import sosik.index.NewsIndex;
import sosik.search.SearchPage;
import sosik.search.SearchPageJson;
import sosik.search.SearchOptions;
import sosik.search.SearchRequest;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches the index and prints a result page.",
      "Every word must match. Operators: \"exact phrase\", -exclude, +must, a | b,",
      "언론사:이데일리, 기자:김현아, 제목:반도체.",
      "A long query (4 words or more) or a question (ending in ?) that finds too few articles with",
      "every word also lists articles with only some of them (+words stay required) and says so."
    })
final class SearchCommand extends ConsoleCommand implements Callable<Integer> {
  enum Scope { ALL, TITLE }

  @Spec CommandSpec spec;

  @Mixin IndexOption index;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query (several arguments are joined with spaces).")
  List<String> words = new ArrayList<>();

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance, latest or oldest (default: ${DEFAULT-VALUE}).")
  String sort;

  @Option(names = "--in", paramLabel = "WHERE", defaultValue = "all", description = "all (headline and body) or title (default: ${DEFAULT-VALUE}).")
  Scope scope;

  @Option(names = "--press", paramLabel = "NAME", split = ",", description = "Only these press names (repeat or separate with commas).")
  List<String> press = new ArrayList<>();

  @Option(names = "--period", paramLabel = "P", description = "Only the last 1h, 1d, 1w, 1m, 6m or 1y.")
  String period;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after, Korea time: 2024-12-20 or 2024-12-20T09:30.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before, Korea time (a bare date includes that whole day).")
  String to;

  @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page number, from 1 (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(names = "--size", paramLabel = "N", defaultValue = "10", description = "Hits per page, 1 to 100 (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--json", description = "Print the page as JSON.")
  boolean json;

  @Option(names = "--explain", description = "Show why each hit matched and how it scored (words and fields, BM25 parts, headline weight, relaxed mode).")
  boolean explain;

  @Override
  public Integer call() throws Exception {
    for (String w : words) {
      if (w.startsWith("--") && w.length() > 2) {
        throw new ParameterException(spec.commandLine(), "Unknown option: '" + w + "'");
      }
    }
    String text = String.join(" ", words);
    SearchRequest req = request(text, Instant.now());
    try (NewsIndex idx = index.open(false, console::warn)) {
      SearchPage page = idx.search(req);
      Map<String, Explanation> why = explain
          ? idx.explain(req, page.hits().stream().map(SearchPage.Hit::id).toList())
          : Map.of();
      if (json) {
        var root = SearchPageJson.of(Json.MAPPER, text, page);
        if (explain) {
          Explanation.addTo(root, why);
        }
        console.out().println(Json.write(root));
      } else {
        render(page, why);
      }
    }
    console.out().flush();
    return ExitCodes.OK;
  }

  SearchRequest request(String text, Instant now) {
    return new SearchOptions(text, sort, scope.name(), press, period, from, to, page, size).toRequest(now, "--");
  }


  private void render(SearchPage page, Map<String, Explanation> why) {
    var out = console.out();
    String open = console.tty() ? "\033[1;33m" : "**";
    String close = console.tty() ? "\033[0m" : "**";
    out.printf("뉴스 검색결과 %,d건%n", page.total());
    if (page.relaxed()) {
      out.println(SearchPage.RELAXED_NOTICE);
    }
    for (SearchPage.Hit h : page.hits()) {
      out.println("- " + h.titleMarked().render(open, close));
      StringBuilder line = new StringBuilder("- ");
      String byline = Byline.of(h.press(), h.reporters(), h.dateline()).display();
      if (byline != null) {
        line.append(byline).append(' ');
      }
      if (h.publishedAt() != null) {
        line.append('(').append(KoreaTime.display(h.publishedAt())).append(") ");
      }
      line.append(h.snippet().render(open, close));
      out.println(line);
      Explanation e = why.get(h.id());
      if (e != null) {
        e.lines("    ").forEach(out::println);
      }
    }
    if (!page.pressCounts().isEmpty()) {
      StringBuilder facets = new StringBuilder("언론사별:");
      int shown = 0;
      for (Map.Entry<String, Long> e : page.pressCounts().entrySet()) {
        if (shown++ == 12) {
          facets.append(" …");
          break;
        }
        facets.append(' ').append(e.getKey()).append(' ').append(String.format("%,d", e.getValue()));
      }
      out.println();
      out.println(facets);
    }
    long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
    out.printf("%d/%d쪽%n", page.page(), pages);
  }
}

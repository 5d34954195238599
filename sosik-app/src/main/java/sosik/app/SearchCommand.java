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
import sosik.group.GroupMember;
import sosik.group.GroupSummary;
import sosik.index.NewsIndex;
import sosik.search.SearchPage;
import sosik.search.DidYouMean;
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

  @Option(names = "--explain", description = "Show why each hit matched and how it scored (words and fields, BM25 parts, headline weight, relaxed mode, freshness factor).")
  boolean explain;

  @Option(names = "--group", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "One hit per group of related coverage, with 관련뉴스 N건 under it (default); --no-group lists every article.")
  boolean group;

  @Option(names = "--freshness", paramLabel = "HALF_LIFE", defaultValue = "on",
      description = "In relevance order, prefer recent articles: each score × (1 + 0.5^(age / HALF_LIFE)); on (default: a half-life of 3d),"
          + " off, or a half-life such as 3d, 12h, 1w. Latest/oldest order are unaffected.")
  String freshness;

  @Option(names = "--no-freshness", description = "Relevance by the text alone, without the preference for recent articles (same as --freshness off).")
  boolean noFreshness;

  @Option(names = "--now", paramLabel = "INSTANT",
      description = "Measure --period and the freshness ages from this instant (e.g. 2019-12-02T15:01:00Z) instead of the clock.")
  String now;

  @Mixin SearchThreadsOption searchThreads;

  @Option(names = "--in-group", paramLabel = "GROUP", description = "List the articles of this group (the id a grouped page prints) that match the query.")
  String inGroup;

  @Override
  public Integer call() throws Exception {
    for (String w : words) {
      if (w.startsWith("--") && w.length() > 2) {
        throw new ParameterException(spec.commandLine(), "Unknown option: '" + w + "'");
      }
    }
    String text = String.join(" ", words);
    Instant at;
    try {
      at = now == null ? Instant.now() : sosik.article.KoreaTime.parseIso(now);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "--now '" + now + "' is not an instant like 2019-12-02T15:01:00Z");
    }
    SearchRequest req = request(text, at);
    searchThreads.check(index);
    try (NewsIndex idx = index.open(false, console::warn)) {
      searchThreads.applyTo(idx);
      SearchPage page = idx.search(req);
      Map<String, Explanation> why = Map.of();
      if (explain) {
        if (!(idx instanceof sosik.index.lucene.LuceneNewsIndex lucene)) {
          throw new ParameterException(spec.commandLine(), "--explain works on the embedded index, not with --backend opensearch");
        }
        why = lucene.explain(req, page.hits().stream().map(SearchPage.Hit::id).toList());
      }
      var correction = inGroup == null && req.page() == 1 ? correction(idx, text, page.total()) : java.util.Optional.<DidYouMean.Correction>empty();
      if (json) {
        var root = SearchPageJson.of(Json.MAPPER, text, page);
        if (explain) {
          Explanation.addTo(root, why);
        }
        SearchPageJson.addCorrection(root, correction);
        console.out().println(Json.write(root));
      } else {
        render(page, text, why);
        correction.ifPresent(c -> console.out().printf("%s %s (%,d건)%n", c.message(), c.query(), c.total()));
      }
    }
    console.out().flush();
    return ExitCodes.OK;
  }

  /**
   * A corrected query when this one finds few articles; the headline vocabulary is read only then
   * (from the file saved beside the index, or a pass over the stored headlines that saves it).
   */
  private static java.util.Optional<DidYouMean.Correction> correction(NewsIndex idx, String text, long total) throws java.io.IOException {
    if (total >= DidYouMean.MAX_TOTAL) {
      return java.util.Optional.empty();
    }
    sosik.search.Suggester words = idx instanceof sosik.index.lucene.LuceneNewsIndex l
        ? l.suggester()
        : sosik.search.Suggester.build(idx, sosik.analysis.KoreanNewsAnalyzer.withDefaultDictionary());
    return DidYouMean.of(idx, words, text, total);
  }

  SearchRequest request(String text, Instant now) {
    SearchRequest r = new SearchOptions(text, sort, scope.name(), press, period, from, to, page, size, noFreshness ? "off" : freshness)
        .toRequest(now, "--");
    if (inGroup != null) {
      if (inGroup.isBlank()) {
        throw new sosik.search.InvalidQueryException("--in-group needs a group id (a grouped page prints it)");
      }
      return r.withGroup(inGroup.strip()).withGrouped(false);
    }
    return r.withGrouped(group);
  }


  private static String labels(GroupSummary g, String id) {
    StringBuilder sb = new StringBuilder();
    for (String l : g.labels(id)) {
      sb.append('[').append(l).append("] ");
    }
    return sb.toString();
  }

  /** Under a grouped hit: 관련뉴스 N건, the outlets, where the story started, a few members. */
  private void renderGroup(SearchPage.HitGroup group, String shownId, String query) {
    var out = console.out();
    GroupSummary g = group.summary();
    StringBuilder head = new StringBuilder("  관련뉴스 ").append(String.format("%,d건", group.related()))
        .append(" · ").append(g.outlets()).append("개 언론사");
    GroupMember first = g.members().get(0);
    if (!first.id().equals(shownId)) {
      head.append(" · 최초 보도 ").append(first.press() == null ? "(언론사 미상)" : first.press());
    }
    out.println(head);
    int shown = 0;
    for (GroupMember m : g.members()) {
      if (m.id().equals(shownId)) {
        continue;
      }
      if (shown++ == 3) {
        out.printf("    … 모두 보기: sosik search %s--in-group %s%n", query.isBlank() ? "" : "'" + query.replace("'", "'\\''") + "' ", g.groupId());
        break;
      }
      out.printf("    · %s%s%s %s%n", labels(g, m.id()), m.press() == null ? "" : m.press() + " ",
          m.publishedAt() == null ? "" : "(" + KoreaTime.display(m.publishedAt()) + ")", m.title());
    }
  }

  private void render(SearchPage page, String query, Map<String, Explanation> why) {
    var out = console.out();
    String open = console.tty() ? "\033[1;33m" : "**";
    String close = console.tty() ? "\033[0m" : "**";
    out.printf("뉴스 검색결과 %,d건%n", page.total());
    if (page.grouped() && page.groupCount() < page.total()) {
      // under the count when grouping joined some articles; otherwise it would only repeat it
      out.printf("관련뉴스 묶음 %,d개%n", page.groupCount());
    }
    if (inGroup != null && !page.groups().isEmpty()) {
      GroupSummary g = page.groups().get(0).summary();
      out.printf("관련뉴스 묶음 %s: %d건, %d개 언론사%n", g.groupId(), g.size(), g.outlets());
    }
    if (page.relaxed()) {
      out.println(SearchPage.RELAXED_NOTICE);
    }
    for (int i = 0; i < page.hits().size(); i++) {
      SearchPage.Hit h = page.hits().get(i);
      SearchPage.HitGroup group = page.groupOf(i);
      String labels = group == null ? "" : labels(group.summary(), h.id());
      out.println("- " + labels + h.titleMarked().render(open, close));
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
      if (page.grouped() && group != null && group.summary().size() > 1) {
        renderGroup(group, h.id(), query);
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
    long units = page.grouped() ? page.groupCount() : page.total();
    long pages = Math.max(1, (units + page.size() - 1) / page.size());
    out.printf("%d/%d쪽%n", page.page(), pages);
  }
}

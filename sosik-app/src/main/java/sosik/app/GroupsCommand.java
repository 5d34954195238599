package sosik.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sosik.article.KoreaTime;
import sosik.group.GroupMember;
import sosik.group.GroupReport;
import sosik.group.GroupSummary;
import sosik.search.SearchPage;
import sosik.search.SearchPageJson;

@Command(
    name = "groups",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the groups of related coverage in the index: how many, their sizes, and a random sample",
      "of the groups with more than one article (every member, where the story started), to read and judge."
    })
final class GroupsCommand extends ConsoleCommand implements Callable<Integer> {
  @Mixin IndexOption index;

  @Option(names = "--sample", paramLabel = "N", defaultValue = "0", description = "Print N random groups of two or more articles (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (sample < 0) {
      throw new IllegalArgumentException("--sample " + sample + " must not be negative");
    }
    GroupReport r;
    try (sosik.index.NewsIndex idx = index.open(false, console::warn)) {
      r = GroupReport.of(idx, sample, seed);
    }
    var out = console.out();
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("articles", r.articles());
      o.put("groups", r.groups());
      o.put("articles_in_groups", r.inGroups());
      ObjectNode sizes = o.putObject("sizes");
      r.sizes().forEach((k, v) -> sizes.put(Integer.toString(k), v));
      var sampled = o.putArray("sample");
      for (GroupSummary g : r.sample()) {
        sampled.add(SearchPageJson.group(Json.MAPPER, new SearchPage.HitGroup(g.size(), g)));
      }
      out.println(Json.write(o));
      out.flush();
      return ExitCodes.OK;
    }
    out.printf("articles: %,d%n", r.articles());
    out.printf("groups:   %,d (%,d of two or more articles, holding %,d articles)%n", r.groups(),
        r.groups() - r.sizes().getOrDefault(1, 0L), r.inGroups());
    StringBuilder sizes = new StringBuilder("sizes:   ");
    for (Map.Entry<Integer, Long> e : r.sizes().entrySet()) {
      sizes.append(' ').append(e.getKey()).append(": ").append(String.format("%,d", e.getValue()));
    }
    out.println(sizes);
    int n = 0;
    for (GroupSummary g : r.sample()) {
      out.println();
      out.printf("#%d %s — %d건, %d개 언론사%n", ++n, g.groupId(), g.size(), g.outlets());
      GroupMember first = g.members().get(0);
      for (GroupMember m : g.members()) {
        StringBuilder labels = new StringBuilder();
        for (String l : g.labels(m.id())) {
          labels.append('[').append(l).append("] ");
        }
        out.printf("  %.2f %s %s %s%s%n", m.signature().similarity(first.signature()),
            m.publishedAt() == null ? "(날짜 없음)" : KoreaTime.display(m.publishedAt()),
            m.press() == null ? "(언론사 미상)" : m.press(), labels, m.title());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}

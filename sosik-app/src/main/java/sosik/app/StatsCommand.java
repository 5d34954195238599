package sosik.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sosik.article.KoreaTime;
import sosik.index.IndexStats;
import sosik.index.NewsIndex;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Shows what the index holds: articles, press names, date range, size.")
final class StatsCommand extends ConsoleCommand implements Callable<Integer> {
  @Mixin IndexOption index;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    IndexStats s;
    try (NewsIndex idx = index.open(false, console::warn)) {
      s = idx.stats();
    }
    var out = console.out();
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("index", s.location());
      o.put("articles", s.articles());
      o.put("press_names", s.pressCounts().size());
      ObjectNode p = o.putObject("press");
      s.pressCounts().forEach(p::put);
      o.put("earliest", s.earliest() == null ? null : KoreaTime.iso(s.earliest()));
      o.put("latest", s.latest() == null ? null : KoreaTime.iso(s.latest()));
      o.put("undated", s.undated());
      o.put("size_bytes", s.sizeBytes());
      o.put("segments", s.segments());
      if (s.layout() >= 0) {
        o.put("layout", s.layout());
        o.put("layout_current", s.currentLayout());
      }
      out.println(Json.write(o));
    } else {
      out.printf("index:    %s%n", s.location());
      out.printf("articles: %,d%n", s.articles());
      StringBuilder pl = new StringBuilder();
      for (Map.Entry<String, Long> e : s.pressCounts().entrySet()) {
        pl.append(pl.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(String.format("%,d", e.getValue()));
      }
      out.printf("press:    %,d names%s%n", s.pressCounts().size(), pl.length() == 0 ? "" : " (" + pl + ")");
      if (s.earliest() != null) {
        out.printf("dates:    %s – %s (Korea time)%s%n", KoreaTime.display(s.earliest()), KoreaTime.display(s.latest()),
            s.undated() > 0 ? String.format("; %,d undated", s.undated()) : "");
      } else {
        out.printf("dates:    none known%s%n", s.undated() > 0 ? String.format(" (%,d undated)", s.undated()) : "");
      }
      out.printf("size:     %s%n", human(s.sizeBytes()));
      if (s.segments() >= 0) {
        out.printf("segments: %d%s%n", s.segments(), s.segments() > 1 ? " (sosik optimize merges them)" : "");
      }
      if (s.layout() >= 0) {
        out.printf("layout:   %d%s%n", s.layout(), s.layoutBehind()
            ? String.format(" (this release writes %d; sosik reindex --index %s moves every article to it)", s.currentLayout(), s.location())
            : " (current)");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double v = bytes;
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format("%.1f %s (%,d bytes)", v, units[u], bytes);
  }
}

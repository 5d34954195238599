package sosik.app.server;

import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosik.article.Article;
import sosik.article.Byline;
import sosik.article.KoreaTime;
import sosik.group.GroupMember;
import sosik.group.GroupSummary;
import sosik.index.NewsIndex;
import sosik.search.DidYouMean;
import sosik.search.InvalidQueryException;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * The Korean web page, rendered on the server with Pebble templates (auto-escaped; only snippet
 * HTML that {@link sosik.search.Snippet#toHtml()} escaped itself is inserted raw). Every state is
 * in the URL, so a search can be bookmarked and shared.
 */
final class WebPages {
  private static final String[][] SORTS = {{"relevance", "관련도순"}, {"latest", "최신순"}, {"oldest", "오래된순"}};
  private static final String[][] PERIODS = {
    {"", "전체"}, {"1h", "1시간"}, {"1d", "1일"}, {"1w", "1주"}, {"1m", "1개월"}, {"6m", "6개월"}, {"1y", "1년"}
  };

  private final NewsIndex index;
  private final SuggestionIndex words;
  private final PebbleEngine engine;

  WebPages(NewsIndex index, SuggestionIndex words) {
    this.index = index;
    this.words = words;
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("sosik/web/templates");
    loader.setSuffix(".peb");
    this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
  }

  void search(Context ctx) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    Params p = Params.of(ctx);
    m.put("q", p.q);
    m.put("p", p);
    SearchRequest req;
    try {
      req = SosikServer.request(ctx);
    } catch (InvalidQueryException | ApiError e) {
      m.put("error", e.getMessage());
      render(ctx.status(400), "search", m);
      return;
    }
    SearchPage page = index.search(req);
    Instant now = Instant.now();
    m.put("searched", !p.q.isBlank());
    m.put("total", String.format("%,d", page.total()));
    m.put("totalRaw", page.total());
    m.put("relaxed", page.relaxed() ? SearchPage.RELAXED_NOTICE : null);
    m.put("groupCount", page.grouped() ? String.format("%,d", page.groupCount()) : null);
    // grouping on and off, and back from a group's expansion
    if (req.group() != null) {
      m.put("groupBack", p.with("group_id", null).with("page", null).href());
      if (!page.groups().isEmpty()) {
        GroupSummary g = page.groups().get(0).summary();
        GroupMember first = g.members().get(0);
        m.put("expanded", Map.of(
            "size", g.size(), "outlets", g.outlets(), "matching", String.format("%,d", page.total()),
            "firstPress", first.press() == null ? "언론사 미상" : first.press(),
            "firstDate", first.publishedAt() == null ? "" : KoreaTime.display(first.publishedAt())));
      }
    } else if (page.grouped()) {
      m.put("groupToggle", link("묶지 않고 모두 보기", p.with("group", "false").with("page", null).href(), false));
    } else {
      m.put("groupToggle", link("관련뉴스 묶어 보기", p.with("group", null).with("page", null).href(), false));
    }
    // the freshness preference, on by default; only relevance order uses it
    if (req.sort() == sosik.search.SortOrder.RELEVANCE) {
      boolean fresh = req.freshness().on();
      Map<String, Object> toggle = link("최신 기사 우선", p.with("freshness", fresh ? "off" : null).with("page", null).href(), fresh);
      toggle.put("title", fresh
          ? "최근 기사의 점수를 높입니다 (반감기 " + req.freshness().halfLifeText() + "). 누르면 관련도만으로 정렬합니다."
          : "관련도만으로 정렬 중입니다. 누르면 최근 기사의 점수를 높입니다.");
      m.put("freshToggle", toggle);
    }
    List<Map<String, Object>> hits = new ArrayList<>();
    for (int i = 0; i < page.hits().size(); i++) {
      SearchPage.Hit h = page.hits().get(i);
      SearchPage.HitGroup group = page.groupOf(i);
      Map<String, Object> hit = new LinkedHashMap<>();
      if (group != null) {
        hit.put("labels", group.summary().labels(h.id()));
        if (page.grouped() && group.related() > 0) {
          hit.put("related", String.format("%,d", group.related()));
          hit.put("outlets", group.summary().outlets());
          hit.put("groupLink", p.with("group_id", group.id()).with("page", null).href());
        }
      }
      hit.put("id", h.id());
      hit.put("titleHtml", h.titleMarked().toHtml());
      hit.put("url", safeUrl(h.url()));
      hit.put("link", "/articles/" + h.id());
      hit.put("press", h.press());
      hit.put("reporter", h.reporters().isEmpty() ? null : String.join("·", h.reporters()) + " 기자");
      hit.put("dateline", h.dateline());
      hit.put("date", h.publishedAt() == null ? null : relative(h.publishedAt(), now));
      hit.put("dateIso", h.publishedAt() == null ? null : KoreaTime.iso(h.publishedAt()));
      hit.put("snippetHtml", h.snippet().toHtml());
      hits.add(hit);
    }
    m.put("hits", hits);

    List<Map<String, Object>> sorts = new ArrayList<>();
    for (String[] s : SORTS) {
      sorts.add(link(s[1], p.with("sort", s[0]).with("page", null).href(), req.sort().name().equalsIgnoreCase(s[0])));
    }
    m.put("sorts", sorts);
    List<Map<String, Object>> periods = new ArrayList<>();
    for (String[] s : PERIODS) {
      boolean active = s[0].equals(p.get("period")) || (s[0].isEmpty() && p.get("period").isEmpty()
          && p.get("from").isEmpty() && p.get("to").isEmpty());
      periods.add(link(s[1], p.with("period", s[0]).with("from", null).with("to", null).with("page", null).href(), active));
    }
    m.put("periods", periods);
    List<Map<String, Object>> press = new ArrayList<>();
    for (Map.Entry<String, Long> e : page.pressCounts().entrySet()) {
      boolean on = p.press.contains(e.getKey());
      List<String> next = new ArrayList<>(p.press);
      if (on) {
        next.remove(e.getKey());
      } else {
        next.add(e.getKey());
      }
      Map<String, Object> f = link(e.getKey(), p.withPress(next).with("page", null).href(), on);
      f.put("count", String.format("%,d", e.getValue()));
      press.add(f);
    }
    m.put("press", press);

    m.put("trend", page.total() > 0 && !p.q.isBlank() ? TrendChart.svg(index, req) : null);

    long units = page.grouped() ? page.groupCount() : page.total();
    long pages = Math.max(1, (units + req.size() - 1) / req.size());
    pages = Math.min(pages, 10_000 / req.size());
    int current = req.page();
    List<Map<String, Object>> pageLinks = new ArrayList<>();
    long first = Math.max(1, current - 4);
    long last = Math.min(pages, first + 9);
    for (long i = first; i <= last; i++) {
      pageLinks.add(link(Long.toString(i), p.with("page", Long.toString(i)).href(), i == current));
    }
    m.put("pages", pageLinks);
    m.put("prev", current > 1 ? p.with("page", Integer.toString(current - 1)).href() : null);
    m.put("next", current < pages ? p.with("page", Integer.toString(current + 1)).href() : null);

    if (page.total() == 0 && !p.q.isBlank()) {
      m.put("suggestions", suggestions(p));
    } else if (page.total() < DidYouMean.MAX_TOTAL && !p.q.isBlank() && current == 1) {
      // a few articles hold the typo; many hold the word meant
      var c = DidYouMean.of(index, words.get(), p.q, page.total());
      if (c.isPresent()) {
        Map<String, Object> s = link(c.get().query(), p.with("q", c.get().query()).with("page", null).href(), false);
        s.put("why", c.get().message());
        s.put("count", String.format("%,d", c.get().total()));
        m.put("correction", s);
      }
    }
    render(ctx, "search", m);
  }

  private List<Map<String, Object>> suggestions(Params p) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    // the Hangul of English-mode keys, or known headline words for unknown ones (반대체 → 반도체)
    var correction = DidYouMean.of(index, words.get(), p.q, 0);
    if (correction.isPresent()) {
      var c = correction.get();
      Map<String, Object> s = link(c.query(), p.with("q", c.query()).with("page", null).href(), false);
      s.put("why", c.message() + " (" + String.format("%,d", c.total()) + "건)");
      out.add(s);
    }
    String[] words = p.q.strip().split("\\s+");
    if (words.length > 1) {
      for (int drop = words.length - 1; drop >= 0 && out.size() < 4; drop--) {
        List<String> fewer = new ArrayList<>(List.of(words));
        fewer.remove(drop);
        String q = String.join(" ", fewer);
        long n;
        try {
          n = index.search(SearchRequest.of(q)).total();
        } catch (InvalidQueryException e) {
          continue;
        }
        if (n > 0) {
          Map<String, Object> s = link(q, p.with("q", q).with("page", null).href(), false);
          s.put("why", "단어를 줄여 검색 (" + String.format("%,d", n) + "건)");
          out.add(s);
        }
      }
    }
    return out;
  }

  void article(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Article a = index.get(id).orElse(null);
    Map<String, Object> m = new LinkedHashMap<>();
    if (a == null) {
      m.put("error", "기사를 찾을 수 없습니다: " + id);
      render(ctx.status(404), "article", m);
      return;
    }
    m.put("title", a.title());
    m.put("byline", Byline.of(a.press(), a.reporters(), a.dateline()).display());
    m.put("date", a.publishedAt() == null ? null : KoreaTime.display(a.publishedAt()));
    m.put("dateIso", a.publishedAt() == null ? null : KoreaTime.iso(a.publishedAt()));
    m.put("url", safeUrl(a.url()));
    m.put("section", a.section());
    m.put("paragraphs", List.of(a.body().split("\\n+")));
    m.put("pressLink", a.press() == null ? null : "/search?q=" + enc("언론사:" + a.press().replace(" ", "")));
    render(ctx, "article", m);
  }

  private void render(Context ctx, String template, Map<String, Object> model) throws IOException {
    PebbleTemplate t = engine.getTemplate(template);
    StringWriter w = new StringWriter();
    t.evaluate(w, model);
    ctx.contentType("text/html; charset=utf-8").result(w.toString());
  }

  /** Only http(s) links leave the page: a {@code javascript:} URL is dropped. */
  static String safeUrl(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip().toLowerCase();
    return u.startsWith("http://") || u.startsWith("https://") ? url : null;
  }

  /** As a portal shows dates: 5분 전, 3시간 전, 2일 전, then 2024.12.20. */
  static String relative(Instant t, Instant now) {
    Duration d = Duration.between(t, now);
    if (d.isNegative()) {
      return KoreaTime.displayDate(t);
    }
    if (d.toMinutes() < 1) {
      return "방금 전";
    }
    if (d.toHours() < 1) {
      return d.toMinutes() + "분 전";
    }
    if (d.toDays() < 1) {
      return d.toHours() + "시간 전";
    }
    if (d.toDays() < 7) {
      return d.toDays() + "일 전";
    }
    return KoreaTime.displayDate(t);
  }

  private static Map<String, Object> link(String label, String href, boolean active) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", label);
    m.put("href", href);
    m.put("active", active);
    return m;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The page's state as URL parameters, to build links that change one thing. */
  static final class Params {
    private final Map<String, String> single;
    final List<String> press;
    final String q;

    private Params(Map<String, String> single, List<String> press) {
      this.single = single;
      this.press = press;
      this.q = single.getOrDefault("q", "");
    }

    static Params of(Context ctx) {
      Map<String, String> m = new LinkedHashMap<>();
      for (String k : List.of("q", "sort", "in", "period", "from", "to", "page", "size", "group", "group_id", "freshness")) {
        String v = ctx.queryParam(k);
        if (v != null && !v.isBlank()) {
          m.put(k, v.length() > 2_000 ? v.substring(0, 2_000) : v);
        }
      }
      List<String> press = new ArrayList<>();
      for (String p : ctx.queryParams("press")) {
        for (String one : p.split(",")) {
          if (!one.isBlank()) {
            press.add(one.strip());
          }
        }
      }
      return new Params(m, press);
    }

    public String get(String k) {
      return single.getOrDefault(k, "");
    }

    Params with(String k, String v) {
      Map<String, String> m = new LinkedHashMap<>(single);
      if (v == null || v.isEmpty()) {
        m.remove(k);
      } else {
        m.put(k, v);
      }
      return new Params(m, press);
    }

    Params withPress(List<String> p) {
      return new Params(single, List.copyOf(p));
    }

    String href() {
      StringBuilder sb = new StringBuilder("/search?");
      boolean first = true;
      for (Map.Entry<String, String> e : single.entrySet()) {
        sb.append(first ? "" : "&").append(e.getKey()).append('=').append(enc(e.getValue()));
        first = false;
      }
      for (String p : press) {
        sb.append(first ? "" : "&").append("press=").append(enc(p));
        first = false;
      }
      return sb.toString();
    }

    public List<String> getPress() {
      return press;
    }
  }
}

package sosik.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sosik.article.ArticleJson;
import sosik.index.IndexStats;
import sosik.index.NewsIndex;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.IngestReport;
import sosik.ingest.Ingestor;
import sosik.ingest.JsonLinesReader;
import sosik.ingest.Rejection;
import sosik.search.InvalidQueryException;
import sosik.search.SearchOptions;
import sosik.search.SearchPage;
import sosik.search.SearchPageJson;
import sosik.search.SearchRequest;
import sosik.search.SearchTimeoutException;
import sosik.search.Export;
import sosik.search.Trend;

/**
 * Sosik over HTTP: the REST API under {@code /api}, {@code /health}, {@code /metrics}, and the
 * Korean web page at {@code /}. Routes are declared in {@link #routes}; access policy (the write
 * token) and error mapping are set once.
 */
public final class SosikServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SosikServer.class);
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param host         address to listen on
   * @param port         port (0 picks a free one)
   * @param token        the write token; null refuses every write
   * @param maxBodyBytes largest request body accepted
   */
  public record Config(String host, int port, String token, long maxBodyBytes) {
    public static final long DEFAULT_MAX_BODY = 32L * 1024 * 1024;
  }

  private final NewsIndex index;
  private final Config config;
  private final Metrics metrics = new Metrics();
  private final WebPages pages;
  private final Javalin app;
  private final Object writeLock = new Object();
  private final SuggestionIndex suggestions;

  public SosikServer(NewsIndex index, Config config) {
    this.index = index;
    this.config = config;
    this.suggestions = new SuggestionIndex(index);
    this.pages = new WebPages(index, suggestions);
    this.app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.http.maxRequestSize = config.maxBodyBytes();
      cfg.http.defaultContentType = "application/json";
      cfg.router.ignoreTrailingSlashes = true;
      cfg.requestLogger.http((ctx, ms) -> metrics.record(route(ctx), ctx.method().name(), ctx.statusCode(), ms));
    });
    routes(app);
  }

  private void routes(Javalin app) {
    app.before(this::securityHeaders);
    app.get("/health", this::health);
    app.get("/metrics", this::metrics);
    app.get("/openapi.json", ctx -> resource(ctx, "sosik/web/openapi.json", "application/json"));
    app.get("/api/search", this::search);
    app.get("/api/suggest", this::suggest);
    app.get("/api/articles/{id}", this::getArticle);
    app.get("/api/groups/{id}", this::getGroup);
    app.get("/api/trend", this::trend);
    app.get("/api/export", this::export);
    app.post("/api/articles", this::postArticles);
    app.delete("/api/articles/{id}", this::deleteArticle);
    app.get("/", pages::search);
    app.get("/search", pages::search);
    app.get("/articles/{id}", pages::article);
    app.get("/static/style.css", ctx -> resource(ctx, "sosik/web/static/style.css", "text/css; charset=utf-8"));
    app.get("/static/suggest.js", ctx -> resource(ctx, "sosik/web/static/suggest.js", "text/javascript; charset=utf-8"));

    app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.field(), e.getMessage()));
    app.exception(InvalidQueryException.class, (e, ctx) -> error(ctx, 400, "bad_parameter", null, e.getMessage()));
    app.exception(SearchTimeoutException.class, (e, ctx) -> error(ctx, 503, "timeout", null, e.getMessage()));
    // an OpenSearch backend that is down, slow or red: say so, and that it is worth retrying
    app.exception(sosik.opensearch.OpenSearchClient.ClusterException.class, (e, ctx) -> {
      LOG.warn("request {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      error(ctx, 503, "backend_unavailable", null, e.getMessage());
    });
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "internal", null, "internal error; the server log has the details");
    });
    app.error(404, ctx -> {
      String type = ctx.res().getContentType();
      boolean ours = type != null && type.startsWith("text/html")
          || ctx.result() != null && ctx.result().startsWith("{\"error\"");
      if (!ours) {
        error(ctx, 404, "not_found", null, "no such resource: " + ctx.path());
      }
    });
    app.error(413, ctx -> error(ctx, 413, "too_large", null,
        "request body is over the limit of " + config.maxBodyBytes() + " bytes"));
  }

  /** The matched route template (so that metrics do not grow with ids), or "unmatched". */
  private static String route(Context ctx) {
    try {
      String r = ctx.endpointHandlerPath();
      return r == null || r.isEmpty() ? "unmatched" : r;
    } catch (IllegalStateException e) {
      return "unmatched"; // no endpoint matched the request
    }
  }

  public SosikServer start() {
    app.start(config.host(), config.port());
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  // ---- policy ----

  private void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
  }

  private void requireToken(Context ctx) {
    if (config.token() == null || config.token().isEmpty()) {
      throw new ApiError(403, "writes_disabled", null,
          "writes are disabled on this server: start it with --token (or SOSIK_TOKEN) to allow them");
    }
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      throw new ApiError(401, "unauthorized", "Authorization", "writing needs the header 'Authorization: Bearer TOKEN'");
    }
    byte[] given = auth.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    byte[] expected = config.token().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, expected)) {
      throw new ApiError(403, "forbidden", "Authorization", "the token is not valid");
    }
  }

  static void error(Context ctx, int status, String code, String field, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("code", code);
    e.put("message", message);
    if (field != null) {
      e.put("field", field);
    }
    ctx.status(status).contentType("application/json").result(root.toString());
  }

  private static void resource(Context ctx, String path, String type) throws IOException {
    try (InputStream in = SosikServer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw ApiError.notFound("no such resource: " + ctx.path());
      }
      ctx.contentType(type).result(in.readAllBytes());
    }
  }

  // ---- handlers ----

  /** Waits at most {@code wait} until the search box's words are read (they are read in the background at start). */
  public boolean awaitSuggestions(java.time.Duration wait) throws InterruptedException {
    return suggestions.await(wait);
  }

  private void health(Context ctx) throws IOException {
    IndexStats s = index.stats();
    ObjectNode o = JSON.createObjectNode();
    o.put("status", "ok");
    o.put("articles", s.articles());
    // the search box's words are read in the background at start
    o.put("suggestions_ready", suggestions.ready());
    if (index instanceof sosik.index.lucene.LuceneNewsIndex lucene) {
      // progress of re-analysing the stored articles after a dictionary change
      sosik.index.lucene.LuceneNewsIndex.Reanalysis r = lucene.reanalysis();
      ObjectNode re = o.putObject("reanalysis");
      re.put("running", r.running());
      re.put("done", r.done());
      re.put("total", r.total());
    }
    ctx.json(o);
  }

  private void metrics(Context ctx) throws IOException {
    IndexStats s = index.stats();
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render(s.articles(), s.sizeBytes(), s.segments()));
  }

  /** Reads the search parameters shared by the API and the page. */
  static SearchRequest request(Context ctx) {
    Integer page = intParam(ctx, "page");
    Integer size = intParam(ctx, "size");
    SearchOptions o = new SearchOptions(
        ctx.queryParam("q") == null ? "" : ctx.queryParam("q"),
        blankToNull(ctx.queryParam("sort")),
        blankToNull(ctx.queryParam("in")),
        ctx.queryParams("press"),
        blankToNull(ctx.queryParam("period")),
        blankToNull(ctx.queryParam("from")),
        blankToNull(ctx.queryParam("to")),
        page,
        size,
        blankToNull(ctx.queryParam("freshness")));
    SearchRequest r = o.toRequest(Instant.now(), "");
    String groupId = blankToNull(ctx.queryParam("group_id"));
    if (groupId != null) {
      return r.withGroup(groupId.strip()).withGrouped(false);
    }
    return r.withGrouped(boolParam(ctx, "group", true));
  }

  private static boolean boolParam(Context ctx, String name, boolean otherwise) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null) {
      return otherwise;
    }
    return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "on", "yes" -> true;
      case "false", "0", "off", "no" -> false;
      default -> throw ApiError.badParameter(name, name + " '" + v + "' is not one of true, false");
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Integer intParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ApiError.badParameter(name, name + " '" + v + "' is not a whole number");
    }
  }

  private void search(Context ctx) throws IOException {
    SearchRequest req = request(ctx);
    boolean explain = explainParam(ctx);
    SearchPage page = index.search(req);
    var root = SearchPageJson.of(JSON, req.query().text(), page);
    if (explain) {
      if (!(index instanceof sosik.index.lucene.LuceneNewsIndex lucene)) {
        throw ApiError.badParameter("explain", "explain=true works on the embedded index; this server searches OpenSearch");
      }
      sosik.search.Explanation.addTo(root, lucene.explain(req, page.hits().stream().map(SearchPage.Hit::id).toList()));
    }
    if (req.page() == 1 && req.group() == null && page.total() < sosik.search.DidYouMean.MAX_TOTAL) {
      SearchPageJson.addCorrection(root, sosik.search.DidYouMean.of(index, suggestions.get(), ctx.queryParam("q"), page.total()));
    }
    ctx.json(root);
  }

  /** {@code explain=true|false} (default false). */
  private static boolean explainParam(Context ctx) {
    String v = ctx.queryParam("explain");
    if (v == null || v.isEmpty() || v.equals("false") || v.equals("0")) {
      return false;
    }
    if (v.equals("true") || v.equals("1")) {
      return true;
    }
    throw ApiError.badParameter("explain", "explain is '" + v + "'; it takes true or false");
  }

  private void suggest(Context ctx) throws IOException {
    String q = ctx.queryParam("q");
    if (q != null && q.length() > 100) {
      throw ApiError.badParameter("q", "q is " + q.length() + " characters; suggestions take at most 100");
    }
    Integer n = intParam(ctx, "size");
    int size = n == null ? 8 : n;
    if (size < 1 || size > 20) {
      throw ApiError.badParameter("size", "size " + size + " is out of range 1..20");
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("query", q == null ? "" : q);
    var list = o.putArray("suggestions");
    for (var s : suggestions.get().suggest(q, size)) {
      list.addObject().put("text", s.text()).put("count", s.count());
    }
    ctx.json(o);
  }

  private void getArticle(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    ctx.json(ArticleJson.of(JSON, index.get(id).orElseThrow(() -> ApiError.notFound("no article with id '" + id + "'"))));
  }

  private void getGroup(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    var g = index.group(id).orElseThrow(() -> ApiError.notFound("no group with id '" + id + "'"));
    ctx.json(SearchPageJson.group(JSON, new SearchPage.HitGroup(g.size(), g)));
  }

  private void trend(Context ctx) throws IOException {
    SearchRequest req = request(ctx);
    Trend.By by = Trend.By.parse("by", ctx.queryParam("by"));
    String split = blankToNull(ctx.queryParam("split"));
    if (split != null && !split.strip().equals("press")) {
      throw ApiError.badParameter("split", "split '" + split + "' is not press (or leave it out)");
    }
    ctx.json(Trend.of(index, req, by, split != null).toJson(JSON, req.query().text()));
  }

  /** Every matching article, streamed: no cap on the count. */
  private void export(Context ctx) throws IOException {
    SearchRequest req = request(ctx);
    String f = blankToNull(ctx.queryParam("format"));
    Export.Format format = Export.Format.parse("format", f == null ? "jsonl" : f);
    ctx.contentType(format == Export.Format.CSV ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"sosik-export." + format.name().toLowerCase(java.util.Locale.ROOT) + "\"");
    try (var w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
      Export.write(index, req, format, w);
    }
  }

  private void deleteArticle(Context ctx) throws IOException {
    requireToken(ctx);
    String id = ctx.pathParam("id");
    boolean existed;
    synchronized (writeLock) {
      existed = index.delete(id);
      if (existed) {
        index.commit();
      }
    }
    suggestions.stale();
    if (!existed) {
      throw ApiError.notFound("no article with id '" + id + "'");
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("deleted", id);
    ctx.json(o);
  }

  /**
   * One JSON article, or JSON Lines for many ({@code application/x-ndjson}, or any body whose
   * first line is an object and that has more lines). Answers after the commit.
   */
  private void postArticles(Context ctx) throws IOException {
    requireToken(ctx);
    long declared = ctx.contentLength();
    if (declared > config.maxBodyBytes()) {
      throw new ApiError(413, "too_large", null,
          "request body of " + declared + " bytes is over the limit of " + config.maxBodyBytes() + " bytes");
    }
    String body = ctx.body();
    if (body.isBlank()) {
      throw ApiError.badParameter("body", "the request body is empty: send one JSON article or JSON Lines");
    }
    IngestReport r;
    synchronized (writeLock) {
      Ingestor ingestor = new Ingestor(index, new ArticleNormalizer(), null);
      String source = "request";
      String trimmed = body.strip();
      if (trimmed.startsWith("{") && trimmed.contains("\n") && isOneObject(trimmed)) {
        // one pretty-printed object: one line for the JSON Lines reader
        trimmed = JSON.readTree(trimmed).toString();
      }
      ingestor.ingest(source, new BufferedReader(new StringReader(trimmed)), new JsonLinesReader());
      r = ingestor.finish();
    }
    suggestions.stale();
    ObjectNode o = JSON.createObjectNode();
    o.put("added", r.added());
    o.put("updated", r.updated());
    o.put("unchanged", r.unchanged());
    o.put("rejected", r.rejected());
    var rej = o.putArray("rejections");
    for (Rejection x : r.rejections()) {
      rej.addObject().put("line", x.line()).put("problem", x.problem());
    }
    int status = r.rejected() > 0 && r.read() == 0 ? 400 : (r.added() > 0 ? 201 : 200);
    ctx.status(HttpStatus.forStatus(status)).json(o);
  }

  private static boolean isOneObject(String text) {
    try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(text)) {
      return values.readAll().size() == 1;
    } catch (IOException e) {
      return false; // not one valid object: read it line by line, which names the bad lines
    }
  }

}

package sosik.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import sosik.analysis.Aliases;
import sosik.analysis.KoreanNewsAnalyzer;
import sosik.analysis.NewsDictionary;
import sosik.article.Article;
import sosik.group.GroupMember;
import sosik.group.GroupPolicy;
import sosik.group.GroupSummary;
import sosik.group.Grouper;
import sosik.group.Signature;
import sosik.index.IndexStats;
import sosik.index.Keys;
import sosik.index.NewsIndex;
import sosik.index.lucene.LongQueryPolicy;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.index.lucene.LuceneQueryBuilder;
import sosik.search.InvalidQueryException;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;
import sosik.search.Snippet;
import sosik.search.SnippetMaker;
import sosik.search.SortOrder;

/**
 * The {@link NewsIndex} on an OpenSearch 2.19 cluster with Sosik's analysis plugin installed.
 *
 * <p>One OpenSearch index holds the articles; its title and body are analysed by the plugin's
 * {@code sosik_korean} analyzer with the index's user dictionary in its settings, so it analyses
 * exactly as the embedded index does. Queries are the embedded index's own ({@link
 * LuceneQueryBuilder}, with the same dictionary on this side), translated clause for clause
 * ({@link QueryDsl}); counts are exact ({@code track_total_hits}); press counts come from a terms
 * aggregation that the press filter (a {@code post_filter}) does not narrow.
 *
 * <p>Writes are kept until {@link #commit()}, which sends them in bulk (retried with backoff when
 * the cluster is unreachable, slow or overloaded), checks every item and makes them visible; a
 * commit that does not get every write acknowledged fails, naming what was refused. Writes not
 * committed when the index is closed are dropped, as in the embedded index.
 */
public final class OpenSearchNewsIndex implements NewsIndex {
  public static final String DEFAULT_INDEX = "sosik";
  static final String ANALYZER = "sosik";
  /** Articles sent per bulk request. */
  static final int BULK = 500;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final OpenSearchClient client;
  private final String name;
  private final String path;
  private final NewsDictionary dictionary;
  private final LuceneQueryBuilder queries;
  private final KoreanNewsAnalyzer analyzer;
  private volatile LongQueryPolicy longQueries = LongQueryPolicy.DEFAULT;
  /** Writes since the last commit, in order: id -> the article, or null for a delete. */
  private final LinkedHashMap<String, Article> pending = new LinkedHashMap<>();
  private final Map<String, String> pendingHash = new HashMap<>();
  /** Each pending article's place in its group, decided at upsert. */
  private final Map<String, GroupMember> pendingGroup = new HashMap<>();
  /** Places articles in groups of related coverage, as the embedded index does. */
  private final Grouper grouper = new Grouper(GroupPolicy.DEFAULT);
  /** Abbreviation pairs, learned as articles come in and kept on the cluster beside the index. */
  private volatile Aliases aliases;
  /** The sequence number of the stored table this one was read as (-1: none stored). */
  private volatile long aliasesSeq;
  private volatile long aliasesCheckedAt;
  private volatile boolean aliasesChanged;

  private OpenSearchNewsIndex(OpenSearchClient client, String name, NewsDictionary dictionary) {
    this.client = client;
    this.name = name;
    this.path = "/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    this.dictionary = dictionary;
    this.analyzer = new KoreanNewsAnalyzer(dictionary);
    this.queries = new LuceneQueryBuilder(analyzer, this::aliases, () -> null);
    this.queries.termCounts(this::termCounts);
  }

  /** The articles, then those holding each term: one search, a filter per term (see {@link LuceneQueryBuilder.TermCounts}). */
  private long[] termCounts(List<org.apache.lucene.index.Term> terms) throws IOException {
    ObjectNode body = F.objectNode();
    body.putObject("query").putObject("match_all");
    body.put("size", 0).put("track_total_hits", true);
    ObjectNode filters = body.putObject("aggs").putObject("terms").putObject("filters").putObject("filters");
    for (int i = 0; i < terms.size(); i++) {
      org.apache.lucene.index.Term t = terms.get(i);
      filters.putObject(Integer.toString(i)).putObject("term").putObject(t.field()).put("value", t.text());
    }
    JsonNode res = client.call("POST", path + "/_search", body);
    checkComplete(res);
    long[] n = new long[terms.size() + 1];
    n[0] = res.path("hits").path("total").path("value").asLong();
    JsonNode buckets = res.path("aggregations").path("terms").path("buckets");
    for (int i = 0; i < terms.size(); i++) {
      n[i + 1] = buckets.path(Integer.toString(i)).path("doc_count").asLong();
    }
    return n;
  }

  /**
   * Opens the index {@code name} on the cluster at {@code urls}; when {@code create} and it does
   * not exist, creates it with {@code userEntries} as its user dictionary. Fails with a clear
   * message when the cluster cannot be reached, the index is missing or red, or the plugin is not
   * installed.
   */
  public static OpenSearchNewsIndex open(String urls, String name, boolean create, List<String> userEntries) throws IOException {
    return open(new OpenSearchClient(urls, OpenSearchClient.DEFAULT_TIMEOUT), name, create, userEntries);
  }

  public static OpenSearchNewsIndex open(OpenSearchClient client, String name, boolean create, List<String> userEntries)
      throws IOException {
    if (!name.matches("[a-z0-9][a-z0-9._-]{0,200}")) {
      throw new IllegalArgumentException("OpenSearch index name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    String path = "/" + name;
    OpenSearchClient.Response exists = client.send("HEAD", path, null);
    if (exists.status() == 404) {
      if (!create) {
        throw new NoSuchIndexException(client.urls(), name);
      }
      createIndex(client, name, userEntries);
    } else if (!exists.ok()) {
      throw new OpenSearchClient.ClusterException(
          "OpenSearch " + exists.node() + " answered HTTP " + exists.status() + " for index " + name, false, null);
    }
    // a short wait for shards that are starting; OpenSearch answers 408 with the health when it ran out
    OpenSearchClient.Response h = client.send("GET", "/_cluster/health/" + name + "?wait_for_status=yellow&timeout=10s", null);
    if (!h.ok() && h.status() != 408) {
      throw new OpenSearchClient.ClusterException(
          "OpenSearch " + h.node() + " cannot tell the health of index " + name + ": HTTP " + h.status() + " " + h.reason(), true, null);
    }
    JsonNode health = h.body();
    String status = health.path("status").asText();
    if (status.equals("red")) {
      throw new OpenSearchClient.ClusterException(
          "OpenSearch index " + name + " at " + client.urls() + " is red: " + health.path("unassigned_shards").asInt()
              + " shard(s) unassigned, " + health.path("number_of_nodes").asInt() + " node(s) up; its articles cannot all be searched",
          true, null);
    }
    JsonNode settings = client.call("GET", path + "/_settings", null);
    JsonNode analyzer = settings.path(name).path("settings").path("index").path("analysis").path("analyzer").path(ANALYZER);
    if (!analyzer.path("type").asText().equals("sosik_korean")) {
      throw new IOException("OpenSearch index " + name + " at " + client.urls() + " was not made by Sosik (no '" + ANALYZER
          + "' analyzer of type sosik_korean); use another --opensearch-index");
    }
    List<String> entries = new ArrayList<>();
    JsonNode dict = analyzer.path("user_dictionary");
    if (dict.isArray()) {
      dict.forEach(e -> entries.add(e.asText()));
    } else if (dict.isObject()) { // a list as OpenSearch sometimes returns it: {"0": …, "1": …}
      dict.forEach(e -> entries.add(e.asText()));
    }
    boolean timedBands = ensureGroupFields(client, name);
    OpenSearchNewsIndex idx = new OpenSearchNewsIndex(client, name, NewsDictionary.of("index " + name + " user_dictionary", entries));
    idx.grouper.timedBands(timedBands);
    StoredAliases stored = idx.readAliases();
    idx.aliases = stored.table();
    idx.aliasesSeq = stored.seq();
    idx.aliasesCheckedAt = System.nanoTime();
    return idx;
  }

  private static void createIndex(OpenSearchClient client, String name, List<String> userEntries) throws IOException {
    NewsDictionary.of("user dictionary", userEntries); // a bad entry fails here, before the cluster sees it
    ObjectNode body = F.objectNode();
    ObjectNode settings = body.putObject("settings");
    // one shard: BM25 statistics are then the whole index's, as in the embedded index, so the
    // same query ranks the same; a replica wherever a second node is there to hold it
    settings.put("number_of_shards", 1);
    settings.put("auto_expand_replicas", "0-1");
    ObjectNode analyzers = settings.putObject("analysis").putObject("analyzer");
    ObjectNode korean = analyzers.putObject(ANALYZER).put("type", "sosik_korean");
    ArrayNode d = korean.putArray("user_dictionary");
    userEntries.forEach(d::add);
    analyzers.putObject(QueryDsl.TERMS_ANALYZER).put("type", "sosik_terms");
    ObjectNode mappings = body.putObject("mappings").put("dynamic", "strict");
    mappings.putObject("_meta").put(BAND_KEYS_META, BAND_KEYS_WEEKLY);
    ObjectNode props = mappings.putObject("properties");
    for (String text : List.of("title", "body")) {
      props.putObject(text).put("type", "text").put("analyzer", ANALYZER).put("index_options", "offsets").put("norms", true);
    }
    for (String key : List.of("id", "press", "press_key", "reporter_key")) {
      props.putObject(key).put("type", "keyword");
    }
    groupFields(props);
    for (String stored : List.of("reporter", "dateline", "url", "section", "extra", "hash")) {
      props.putObject(stored).put("type", "keyword").put("index", false).put("doc_values", false);
    }
    props.putObject("published").put("type", "date").put("format", "epoch_millis");
    OpenSearchClient.Response r = client.send("PUT", "/" + name, body.toString());
    if (!r.ok()) {
      String reason = r.reason();
      if (reason.contains("sosik_korean") && reason.contains("Unknown analyzer type")) {
        throw new IOException("OpenSearch at " + r.node() + " does not have Sosik's analysis plugin; install it on every node"
            + " ('sosik opensearch install-plugin', see docs/OPERATIONS.md) and restart them: " + reason);
      }
      if (!reason.contains("resource_already_exists")) {
        throw new OpenSearchClient.ClusterException("OpenSearch " + r.node() + " refused to create index " + name + ": HTTP "
            + r.status() + " " + reason, false, null);
      }
    }
  }

  /**
   * The fields of related coverage: the group id (a keyword with doc values, for collapsing and
   * counting), the band keys (keywords that find candidates) and the signature (kept in the source
   * only, base64).
   */
  private static void groupFields(ObjectNode props) {
    props.putObject(GROUP).put("type", "keyword");
    props.putObject(GROUP_BAND).put("type", "keyword").put("doc_values", false);
    props.putObject(GROUP_SIGNATURE).put("type", "binary").put("doc_values", false);
  }

  /**
   * An index made before grouping gets the group fields (its articles are alone until written
   * again). Tells whether the index stores band keys with their week ({@link sosik.group.BandKeys}):
   * an index made before that keeps plain keys, so that its articles are still found.
   */
  private static boolean ensureGroupFields(OpenSearchClient client, String name) throws IOException {
    JsonNode mapping = client.call("GET", "/" + name + "/_mapping", null);
    JsonNode mappings = mapping.path(name).path("mappings");
    if (mappings.path("properties").has(GROUP)) {
      return BAND_KEYS_WEEKLY.equals(mappings.path("_meta").path(BAND_KEYS_META).asText());
    }
    ObjectNode body = F.objectNode();
    groupFields(body.putObject("properties"));
    client.call("PUT", "/" + name + "/_mapping", body);
    return false;
  }

  /** The mapping's note of the band keys' layout; an index without it has plain keys. */
  static final String BAND_KEYS_META = "sosik_band_keys";
  static final String BAND_KEYS_WEEKLY = "weekly";

  static final String GROUP = "group";
  static final String GROUP_BAND = "group_band";
  static final String GROUP_SIGNATURE = "group_sig";

  /** Deletes the index and every article in it, and its abbreviation pairs. */
  public static void drop(OpenSearchClient client, String name) throws IOException {
    for (String index : List.of(name, aliasesIndex(name))) {
      OpenSearchClient.Response r = client.send("DELETE", "/" + index, null);
      if (!r.ok() && r.status() != 404) {
        throw new OpenSearchClient.ClusterException("OpenSearch " + r.node() + " refused to delete index " + index + ": " + r.reason(), false, null);
      }
    }
  }

  // ---- abbreviation pairs ----
  //
  // The table is one document in a small index of its own beside the articles' index (NAME.sosik-aliases):
  // not in the articles' index, whose counts and scans must see articles only, and not in the
  // mapping's _meta, which lives in the cluster state that every node holds and republishes on each
  // change, while the table of learned candidates grows with the corpus.

  /** The index that keeps the abbreviation pairs of index {@code name}. */
  public static String aliasesIndex(String name) {
    return name + ".sosik-aliases";
  }

  private static final String ALIASES_DOC = "/_doc/aliases";

  private record StoredAliases(Aliases table, long seq) {}

  private StoredAliases readAliases() throws IOException {
    String where = "OpenSearch index " + aliasesIndex(name);
    OpenSearchClient.Response r = client.send("GET", "/" + aliasesIndex(name) + ALIASES_DOC, null);
    if (r.status() == 404) {
      return new StoredAliases(new Aliases().notLearning(OpenSearchNewsIndex::notAnAliasForm), -1);
    }
    if (!r.ok()) {
      throw new OpenSearchClient.ClusterException(
          "OpenSearch " + r.node() + " cannot read the abbreviation pairs in " + aliasesIndex(name) + ": HTTP " + r.status() + " " + r.reason(),
          OpenSearchClient.retryable(r.status()), null);
    }
    List<String> lines = new ArrayList<>();
    r.body().path("_source").path("lines").forEach(l -> lines.add(l.asText()));
    Aliases table = Aliases.parse(where, lines).notLearning(OpenSearchNewsIndex::notAnAliasForm);
    return new StoredAliases(table, r.body().path("_seq_no").asLong(-1));
  }

  /** Press names are not abbreviations of anything: 조선일보(조선) is a press, not a pair to learn. */
  private static boolean notAnAliasForm(String form) {
    return sosik.article.PressNames.isKnown(form);
  }

  /**
   * The abbreviation pairs this index uses at query time. A long-running process (the server) sees
   * changes that {@code sosik aliases} or another writer stored within a second.
   */
  public Aliases aliases() {
    if (!aliasesChanged) {
      long now = System.nanoTime();
      if (now - aliasesCheckedAt > 1_000_000_000L) {
        aliasesCheckedAt = now;
        try {
          StoredAliases stored = readAliases();
          if (stored.seq() != aliasesSeq && !aliasesChanged) {
            aliases = stored.table();
            aliasesSeq = stored.seq();
          }
        } catch (IOException | RuntimeException e) {
          // the cluster did not answer this time: keep the table in hand; the search itself will say why
        }
      }
    }
    return aliases;
  }

  /** Stores the table on the cluster (done by {@link #commit} for what ingest learned). */
  public synchronized void saveAliases() throws IOException {
    String index = aliasesIndex(name);
    OpenSearchClient.Response exists = client.send("HEAD", "/" + index, null);
    if (exists.status() == 404) {
      ObjectNode body = F.objectNode();
      body.putObject("settings").put("number_of_shards", 1).put("auto_expand_replicas", "0-1");
      body.putObject("mappings").put("dynamic", false);
      OpenSearchClient.Response r = client.send("PUT", "/" + index, body.toString());
      if (!r.ok() && !r.reason().contains("resource_already_exists")) {
        throw new OpenSearchClient.ClusterException(
            "OpenSearch " + r.node() + " refused to create index " + index + ": HTTP " + r.status() + " " + r.reason(), false, null);
      }
    }
    ObjectNode doc = F.objectNode();
    ArrayNode lines = doc.putArray("lines");
    aliases.lines().forEach(lines::add);
    JsonNode r = client.sendWithRetries("PUT", "/" + index + ALIASES_DOC + "?refresh=true", doc.toString());
    aliasesSeq = r.path("_seq_no").asLong(-1);
    aliasesCheckedAt = System.nanoTime();
    aliasesChanged = false;
  }

  public String name() {
    return name;
  }

  public OpenSearchClient client() {
    return client;
  }

  public NewsDictionary dictionary() {
    return dictionary;
  }

  public void longQueries(LongQueryPolicy policy) {
    this.longQueries = Objects.requireNonNull(policy, "policy");
  }

  // ---- writing ----

  @Override
  public synchronized List<Outcome> upsert(List<Article> articles) throws IOException {
    Map<String, String> stored = storedHashes(articles.stream().map(Article::id).filter(id -> !pending.containsKey(id)).distinct().toList());
    // the committed candidates of every article to be placed, asked in one _msearch: the committed
    // articles do not change before the next commit
    List<Article> toPlace = new ArrayList<>();
    for (Article a : articles) {
      String before = pending.containsKey(a.id()) ? pendingHash.get(a.id()) : stored.get(a.id());
      if (!LuceneNewsIndex.contentHash(a).equals(before)) {
        toPlace.add(a);
      }
    }
    // each signature made once: the lookups ahead and the placing both need it
    Map<Article, Signature> signatures = new java.util.IdentityHashMap<>();
    for (Article a : toPlace) {
      signatures.put(a, Signature.of(a));
    }
    Map<List<String>, List<GroupMember>> prefetched = candidatesOf(toPlace, signatures);
    Grouper.Candidates committed = (keys, limit) -> {
      List<GroupMember> found = prefetched.get(keys);
      return found != null && limit == grouper.policy().candidates() ? found : groupCandidates(keys, limit);
    };
    List<Outcome> out = new ArrayList<>(articles.size());
    for (Article a : articles) {
      String hash = LuceneNewsIndex.contentHash(a);
      String before = pending.containsKey(a.id()) ? pendingHash.get(a.id()) : stored.get(a.id());
      if (hash.equals(before)) {
        out.add(Outcome.UNCHANGED);
        continue;
      }
      GroupMember placed = grouper.place(a, signatures.get(a), committed);
      pending.remove(a.id()); // the latest write of an id goes last
      pending.put(a.id(), a);
      pendingHash.put(a.id(), hash);
      pendingGroup.put(a.id(), placed);
      out.add(before == null || before.isEmpty() ? Outcome.ADDED : Outcome.UPDATED);
      Aliases table = aliases();
      int version = table.version();
      table.observe(a.id(), a.press(), a.title() + "\n" + a.body());
      if (table.version() != version) {
        aliasesChanged = true;
      }
    }
    return out;
  }

  /** id -> stored content hash, for the ids the index holds. */
  private Map<String, String> storedHashes(List<String> ids) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      ObjectNode body = F.objectNode();
      ArrayNode list = body.putArray("ids");
      ids.subList(from, Math.min(ids.size(), from + 1000)).forEach(list::add);
      JsonNode r = client.call("POST", path + "/_mget?_source_includes=hash&realtime=true", body);
      for (JsonNode d : r.path("docs")) {
        if (d.path("found").asBoolean(false)) {
          out.put(d.path("_id").asText(), d.path("_source").path("hash").asText());
        }
      }
    }
    return out;
  }

  @Override
  public synchronized void commit() throws IOException {
    List<Map.Entry<String, Article>> writes = new ArrayList<>(pending.entrySet());
    for (int from = 0; from < writes.size(); from += BULK) {
      List<Map.Entry<String, Article>> chunk = writes.subList(from, Math.min(writes.size(), from + BULK));
      bulk(chunk);
      for (Map.Entry<String, Article> e : chunk) {
        pending.remove(e.getKey());
        pendingHash.remove(e.getKey());
        pendingGroup.remove(e.getKey());
      }
    }
    client.sendWithRetries("POST", path + "/_refresh", null);
    grouper.committed();
    if (aliasesChanged) {
      saveAliases();
    }
  }

  /** One bulk request; items refused for a passing reason (429, 503) are sent again with backoff. */
  private void bulk(List<Map.Entry<String, Article>> writes) throws IOException {
    List<Map.Entry<String, Article>> todo = writes;
    java.time.Duration pause = OpenSearchClient.FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      StringBuilder nd = new StringBuilder();
      for (Map.Entry<String, Article> e : todo) {
        ObjectNode meta = F.objectNode();
        String op = e.getValue() == null ? "delete" : "index";
        meta.putObject(op).put("_id", e.getKey());
        nd.append(meta).append('\n');
        if (e.getValue() != null) {
          nd.append(source(e.getValue(), pendingHash.get(e.getKey()), pendingGroup.get(e.getKey()))).append('\n');
        }
      }
      JsonNode r = client.sendWithRetries("POST", path + "/_bulk", nd.toString());
      if (!r.path("errors").asBoolean(false)) {
        return;
      }
      List<Map.Entry<String, Article>> again = new ArrayList<>();
      List<String> refused = new ArrayList<>();
      JsonNode items = r.path("items");
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i).elements().next();
        int status = item.path("status").asInt();
        boolean deleteOfMissing = todo.get(i).getValue() == null && status == 404;
        if (status >= 300 && !deleteOfMissing) {
          if (OpenSearchClient.retryable(status)) {
            again.add(todo.get(i));
          } else {
            refused.add(todo.get(i).getKey() + ": HTTP " + status + " " + item.path("error").path("reason").asText());
          }
        }
      }
      if (!refused.isEmpty()) {
        throw new OpenSearchClient.ClusterException("OpenSearch index " + name + " refused " + refused.size() + " of "
            + todo.size() + " writes; nothing of this commit counts as written. First: " + refused.get(0), false, null);
      }
      if (again.isEmpty()) {
        return;
      }
      if (attempt >= OpenSearchClient.WRITE_ATTEMPTS) {
        throw new OpenSearchClient.ClusterException("OpenSearch index " + name + " kept refusing " + again.size()
            + " writes as overloaded after " + attempt + " attempts; nothing of this commit counts as written", true, null);
      }
      OpenSearchClient.sleep(pause);
      pause = pause.multipliedBy(2);
      todo = again;
    }
  }

  private String source(Article a, String hash, GroupMember group) {
    ObjectNode d = F.objectNode();
    d.put("id", a.id());
    GroupMember g = group != null ? group : GroupMember.of(a, a.id(), Signature.of(a));
    d.put(GROUP, g.groupId());
    List<String> bands = grouper.indexKeys(g);
    if (!bands.isEmpty()) {
      ArrayNode keys = d.putArray(GROUP_BAND);
      bands.forEach(keys::add);
    }
    d.put(GROUP_SIGNATURE, java.util.Base64.getEncoder().encodeToString(g.signature().toBytes()));
    d.put("title", a.title());
    d.put("body", a.body());
    if (a.press() != null) {
      d.put("press", a.press());
      d.put("press_key", Keys.of(a.press()));
    }
    if (!a.reporters().isEmpty()) {
      ArrayNode names = d.putArray("reporter");
      ArrayNode keys = d.putArray("reporter_key");
      for (String r : a.reporters()) {
        names.add(r);
        String k = Keys.of(r);
        if (k != null) {
          keys.add(k);
        }
      }
    }
    putIf(d, "dateline", a.dateline());
    if (a.publishedAt() != null) {
      d.put("published", a.publishedAt().toEpochMilli());
    }
    putIf(d, "url", a.url());
    putIf(d, "section", a.section());
    if (!a.extra().isEmpty()) {
      try {
        d.put("extra", OpenSearchClient.JSON.writeValueAsString(a.extra()));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    d.put("hash", hash);
    return d.toString();
  }

  private static void putIf(ObjectNode d, String field, String value) {
    if (value != null) {
      d.put(field, value);
    }
  }

  static Article article(JsonNode s) {
    List<String> reporters = new ArrayList<>();
    s.path("reporter").forEach(r -> reporters.add(r.asText()));
    Map<String, String> extra = Map.of();
    if (s.hasNonNull("extra")) {
      try {
        extra = OpenSearchClient.JSON.readValue(s.get("extra").asText(), new TypeReference<LinkedHashMap<String, String>>() {});
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Article(
        s.path("id").asText(),
        s.path("title").asText(),
        s.path("body").asText(),
        text(s, "press"),
        reporters,
        text(s, "dateline"),
        s.hasNonNull("published") ? Instant.ofEpochMilli(s.get("published").asLong()) : null,
        text(s, "url"),
        text(s, "section"),
        extra);
  }

  private static String text(JsonNode s, String field) {
    return s.hasNonNull(field) ? s.get(field).asText() : null;
  }

  @Override
  public synchronized boolean delete(String id) throws IOException {
    boolean existed;
    if (pending.containsKey(id)) {
      existed = pending.get(id) != null;
    } else {
      existed = storedHashes(List.of(id)).containsKey(id);
    }
    if (existed) {
      pending.remove(id);
      pending.put(id, null);
      pendingHash.put(id, "");
      pendingGroup.remove(id);
      grouper.removed(id);
    }
    return existed;
  }

  // ---- reading ----

  @Override
  public Optional<Article> get(String id) throws IOException {
    OpenSearchClient.Response r = client.send("GET", path + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?realtime=false", null);
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (!r.ok()) {
      throw new OpenSearchClient.ClusterException("OpenSearch " + r.node() + " failed to get " + id + ": " + r.reason(), false, null);
    }
    return r.body().path("found").asBoolean() ? Optional.of(article(r.body().path("_source"))) : Optional.empty();
  }

  @Override
  public SearchPage search(SearchRequest r) throws IOException {
    long t0 = System.nanoTime();
    checkWindow(r);
    ObjectNode period = periodFilter(r);
    ObjectNode press = pressFilter(r);
    Plan plan = plan(r, press, period);
    if (r.grouped() && r.group() == null) {
      return groupedSearch(r, plan, period, press, t0);
    }
    ObjectNode body = F.objectNode();
    body.set("query", withGroup(filtered(fresh(plan.text(), r), period, null), r.group()));
    if (press != null) {
      body.set("post_filter", press); // the press counts below ignore it
    }
    body.put("from", (r.page() - 1) * r.size());
    body.put("size", r.size());
    body.put("track_total_hits", true);
    body.set("sort", sort(r.sort()));
    body.putObject("aggs").set("press", pressAgg());
    List<List<String>> phrases = highlight(body, r);
    JsonNode res = client.call("POST", path + "/_search", body);
    checkComplete(res);
    long total = res.path("hits").path("total").path("value").asLong();
    List<SearchPage.Hit> hits = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    for (JsonNode h : res.path("hits").path("hits")) {
      articles.add(hit(h, phrases, hits));
    }
    List<SearchPage.HitGroup> groups = List.of();
    if (r.group() != null && !hits.isEmpty()) {
      List<GroupMember> members = members(List.of(r.group())).getOrDefault(r.group(), List.of());
      if (members.isEmpty()) {
        members = List.of(GroupMember.of(articles.get(0), r.group(), Signature.of(articles.get(0))));
      }
      SearchPage.HitGroup g = new SearchPage.HitGroup(total, GroupSummary.of(r.group(), members, grouper.policy()));
      groups = java.util.Collections.nCopies(hits.size(), g);
    }
    Map<String, Long> pressCounts = pressCounts(res.path("aggregations").path("press"));
    long took = (System.nanoTime() - t0) / 1_000_000;
    return new SearchPage(total, r.page(), r.size(), hits, pressCounts, took, plan.relaxed(), -1, groups);
  }

  /** Groups counted per request of a composite aggregation. */
  static final int GROUP_PAGE = 10_000;

  private int groupPage = GROUP_PAGE;

  /** Sets how many groups one request of the group count walks (tests walk several pages). */
  void groupPage(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("group page must be at least 1, not " + n);
    }
    this.groupPage = n;
  }

  /**
   * One hit per group (field collapsing on the group id: each group's best-ranked member, the
   * groups ordered by it, paged by group). The total stays the exact number of matching articles;
   * the number of groups is exact too (a composite aggregation paged through every group, not the
   * approximate cardinality), and each shown group's matching members are counted by a terms
   * aggregation on those groups alone.
   */
  private SearchPage groupedSearch(SearchRequest r, Plan plan, ObjectNode period, ObjectNode press, long t0) throws IOException {
    ObjectNode query = filtered(QueryDsl.of(plan.text()), period, press);
    ObjectNode body = F.objectNode();
    body.set("query", filtered(fresh(plan.text(), r), period, press));
    body.put("from", (r.page() - 1) * r.size());
    body.put("size", r.size());
    body.put("track_total_hits", true);
    body.set("sort", sort(r.sort()));
    body.putObject("collapse").put("field", GROUP);
    ObjectNode aggs = body.putObject("aggs");
    aggs.set("groups", groupsAgg(null, groupPage));
    aggs.putObject("no_group").putObject("missing").put("field", GROUP);
    if (press == null) {
      aggs.set("press", pressAgg());
    }
    List<List<String>> phrases = highlight(body, r);
    JsonNode res = client.call("POST", path + "/_search", body);
    checkComplete(res);
    long total = res.path("hits").path("total").path("value").asLong();
    long groupCount = countGroups(query, res.path("aggregations"));
    Map<String, Long> pressCounts;
    if (press == null) {
      pressCounts = pressCounts(res.path("aggregations").path("press"));
    } else { // the press counts ignore the press filter, so the other presses' counts stay visible
      ObjectNode facet = F.objectNode();
      facet.set("query", filtered(QueryDsl.of(plan.text()), period, null));
      facet.put("size", 0).put("track_total_hits", false);
      facet.putObject("aggs").set("press", pressAgg());
      JsonNode fr = client.call("POST", path + "/_search", facet);
      checkComplete(fr);
      pressCounts = pressCounts(fr.path("aggregations").path("press"));
    }
    List<SearchPage.Hit> hits = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    List<String> groupIds = new ArrayList<>();
    for (JsonNode h : res.path("hits").path("hits")) {
      Article a = hit(h, phrases, hits);
      articles.add(a);
      JsonNode g = h.path("fields").path(GROUP).path(0);
      groupIds.add(g.isTextual() ? g.asText() : a.id());
    }
    List<SearchPage.HitGroup> groups = new ArrayList<>(hits.size());
    if (!hits.isEmpty()) {
      Map<String, Long> matching = matchingPerGroup(query, groupIds);
      Map<String, List<GroupMember>> members = members(groupIds);
      for (int i = 0; i < hits.size(); i++) {
        String g = groupIds.get(i);
        List<GroupMember> m = members.getOrDefault(g, List.of());
        if (m.isEmpty()) { // an article written before grouping: alone
          m = List.of(GroupMember.of(articles.get(i), g, Signature.of(articles.get(i))));
        }
        groups.add(new SearchPage.HitGroup(matching.getOrDefault(g, 1L), GroupSummary.of(g, m, grouper.policy())));
      }
    }
    long took = (System.nanoTime() - t0) / 1_000_000;
    return new SearchPage(total, r.page(), r.size(), hits, pressCounts, took, plan.relaxed(), groupCount, groups);
  }

  private static ObjectNode groupsAgg(JsonNode after, int page) {
    ObjectNode c = F.objectNode();
    ObjectNode comp = c.putObject("composite").put("size", page);
    comp.putArray("sources").addObject().putObject("g").putObject("terms").put("field", GROUP);
    if (after != null) {
      comp.set("after", after);
    }
    return c;
  }

  /** Distinct groups among the matches, paging the composite aggregation; an article without a group counts alone. */
  private long countGroups(ObjectNode query, JsonNode aggs) throws IOException {
    long n = aggs.path("no_group").path("doc_count").asLong();
    JsonNode comp = aggs.path("groups");
    while (true) {
      int buckets = comp.path("buckets").size();
      n += buckets;
      JsonNode after = comp.path("after_key");
      if (buckets < groupPage || after.isMissingNode()) {
        return n;
      }
      ObjectNode body = F.objectNode();
      body.set("query", query);
      body.put("size", 0).put("track_total_hits", false);
      body.putObject("aggs").set("groups", groupsAgg(after, groupPage));
      JsonNode res = client.call("POST", path + "/_search", body);
      checkComplete(res);
      comp = res.path("aggregations").path("groups");
    }
  }

  /** The matching articles of each of these groups. */
  private Map<String, Long> matchingPerGroup(ObjectNode query, List<String> groupIds) throws IOException {
    List<String> distinct = groupIds.stream().distinct().toList();
    ObjectNode body = F.objectNode();
    body.set("query", query);
    body.put("size", 0).put("track_total_hits", false);
    ObjectNode terms = body.putObject("aggs").putObject("matching").putObject("terms");
    terms.put("field", GROUP).put("size", distinct.size()).put("shard_size", distinct.size());
    ArrayNode include = terms.putArray("include");
    distinct.forEach(include::add);
    JsonNode res = client.call("POST", path + "/_search", body);
    checkComplete(res);
    Map<String, Long> out = new HashMap<>();
    for (JsonNode b : res.path("aggregations").path("matching").path("buckets")) {
      out.put(b.path("key").asText(), b.path("doc_count").asLong());
    }
    return out;
  }

  private static ObjectNode pressAgg() {
    ObjectNode a = F.objectNode();
    a.putObject("terms").put("field", "press").put("size", 10_000).put("shard_size", 10_000);
    return a;
  }

  /** Adds the highlighter to a search body; returns the query's phrases for {@link #asQueryMatches}. */
  private List<List<String>> highlight(ObjectNode body, SearchRequest r) {
    Query hl = queries.highlightQuery(r.query(), r.titleOnly());
    if (hl instanceof BooleanQuery bq && !bq.clauses().isEmpty()) {
      ObjectNode h = body.putObject("highlight");
      h.put("type", "unified").put("number_of_fragments", 0).put("require_field_match", false)
          .put("encoder", "default").put("no_match_size", 0);
      h.putArray("pre_tags").add(OPEN);
      h.putArray("post_tags").add(CLOSE);
      h.set("highlight_query", QueryDsl.of(hl));
      ObjectNode fields = h.putObject("fields");
      fields.putObject("title");
      fields.putObject("body");
    }
    return phrases(hl);
  }

  /** One hit of a search response as a page's hit (added to {@code hits}); returns its article. */
  private Article hit(JsonNode h, List<List<String>> phrases, List<SearchPage.Hit> hits) {
    Article a = article(h.path("_source"));
    Snippet title = SnippetMaker.whole(a.title(), asQueryMatches(a.title(), matches(a.title(), h.path("highlight").path("title")), phrases));
    Snippet snippet = SnippetMaker.best(
        a.body(), asQueryMatches(a.body(), matches(a.body(), h.path("highlight").path("body")), phrases), SnippetMaker.DEFAULT_WIDTH);
    float score = h.path("_score").isNumber() ? (float) h.path("_score").asDouble() : 0f;
    hits.add(new SearchPage.Hit(
        a.id(), a.title(), title, a.press(), a.reporters(), a.dateline(), a.publishedAt(), a.url(), a.section(), snippet, score));
    return a;
  }

  private static ObjectNode withGroup(ObjectNode q, String group) {
    if (group == null) {
      return q;
    }
    ObjectNode b = F.objectNode();
    b.putArray("must").add(q);
    b.putArray("filter").add(QueryDsl.wrap("term", F.objectNode().set(GROUP, F.objectNode().put("value", group))));
    return QueryDsl.wrap("bool", b);
  }

  // ---- related coverage ----

  @Override
  public GroupPolicy groupPolicy() {
    return grouper.policy();
  }

  /** The source fields a group member is read from. */
  private static final List<String> MEMBER_FIELDS = List.of("id", GROUP, "title", "press", "published", GROUP_SIGNATURE);

  /**
   * Committed articles sharing at least {@link Signature#MIN_SHARED_BANDS} band keys: each key a
   * constant-score clause worth 1, so the score is the number of keys shared, most first.
   */
  @Override
  public List<GroupMember> groupCandidates(List<String> bandKeys, int limit) throws IOException {
    if (bandKeys.isEmpty()) {
      return List.of();
    }
    JsonNode res = client.call("POST", path + "/_search", candidatesQuery(bandKeys, limit));
    checkComplete(res);
    return candidates(res);
  }

  /**
   * Searches of the candidates per article (its band keys' and its event keys', {@link Grouper#lookups}),
   * in one request per {@value #MSEARCH} searches; keyed by the keys.
   */
  private Map<List<String>, List<GroupMember>> candidatesOf(List<Article> articles, Map<Article, Signature> signatures)
      throws IOException {
    Map<List<String>, List<GroupMember>> out = new HashMap<>();
    List<List<String>> keys = new ArrayList<>();
    for (Article a : articles) {
      for (List<String> k : grouper.lookups(a, signatures.get(a))) {
        if (!k.isEmpty() && !out.containsKey(k)) {
          out.put(k, null);
          keys.add(k);
        }
      }
    }
    int limit = grouper.policy().candidates();
    for (int from = 0; from < keys.size(); from += MSEARCH) {
      List<List<String>> chunk = keys.subList(from, Math.min(keys.size(), from + MSEARCH));
      StringBuilder nd = new StringBuilder();
      for (List<String> k : chunk) {
        nd.append("{}\n").append(candidatesQuery(k, limit)).append('\n');
      }
      JsonNode res = client.call("POST", path + "/_msearch", nd.toString());
      JsonNode responses = res.path("responses");
      for (int i = 0; i < chunk.size(); i++) {
        JsonNode r = responses.path(i);
        if (r.has("error")) {
          throw new OpenSearchClient.ClusterException("OpenSearch index " + name + " failed to find the candidates of a group: "
              + r.path("error").path("reason").asText(r.path("error").toString()), false, null);
        }
        checkComplete(r);
        out.put(chunk.get(i), candidates(r));
      }
    }
    out.values().removeIf(java.util.Objects::isNull);
    return out;
  }

  /** Candidate searches sent in one _msearch request. */
  static final int MSEARCH = 200;

  private static ObjectNode candidatesQuery(List<String> bandKeys, int limit) {
    ObjectNode bool = F.objectNode();
    ArrayNode should = bool.putArray("should");
    for (String k : bandKeys) {
      ObjectNode cs = F.objectNode();
      // an undated article's look-up asks for a band key in every week ({@link sosik.group.BandKeys#isPrefix})
      String kind = sosik.group.BandKeys.isPrefix(k) ? "prefix" : "term";
      cs.set("filter", QueryDsl.wrap(kind, F.objectNode().set(GROUP_BAND, F.objectNode().put("value", k))));
      cs.put("boost", 1.0f);
      should.add(QueryDsl.wrap("constant_score", cs));
    }
    bool.put("minimum_should_match", Math.min(Signature.MIN_SHARED_BANDS, bandKeys.size()));
    ObjectNode body = F.objectNode();
    body.set("query", QueryDsl.wrap("bool", bool));
    body.put("size", limit).put("track_total_hits", false);
    ArrayNode sort = body.putArray("sort");
    sort.add(F.objectNode().put("_score", "desc"));
    sort.add(F.objectNode().put("id", "asc"));
    ArrayNode src = body.putArray("_source");
    List.of("id", GROUP, "press", "published", GROUP_SIGNATURE).forEach(src::add);
    return body;
  }

  private static List<GroupMember> candidates(JsonNode res) {
    List<GroupMember> out = new ArrayList<>();
    for (JsonNode h : res.path("hits").path("hits")) {
      JsonNode s = h.path("_source");
      if (s.hasNonNull(GROUP_SIGNATURE)) {
        out.add(member(s, false));
      }
    }
    return out;
  }

  private static GroupMember member(JsonNode s, boolean withTitle) {
    String id = s.path("id").asText();
    Signature sig = s.hasNonNull(GROUP_SIGNATURE)
        ? Signature.fromBytes(java.util.Base64.getDecoder().decode(s.get(GROUP_SIGNATURE).asText()))
        : Signature.of(s.path("title").asText());
    return new GroupMember(
        id,
        s.hasNonNull(GROUP) ? s.get(GROUP).asText() : id,
        withTitle ? text(s, "title") : null,
        text(s, "press"),
        s.hasNonNull("published") ? Instant.ofEpochMilli(s.get("published").asLong()) : null,
        sig);
  }

  @Override
  public List<GroupMember> groupMembers(String groupId) throws IOException {
    return members(List.of(groupId)).getOrDefault(groupId, List.of());
  }

  /** Every committed member of each of these groups, by group. */
  private Map<String, List<GroupMember>> members(List<String> groupIds) throws IOException {
    ArrayNode ids = F.arrayNode();
    groupIds.stream().distinct().forEach(ids::add);
    Map<String, List<GroupMember>> out = new HashMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode body = F.objectNode();
      body.set("query", QueryDsl.wrap("terms", F.objectNode().set(GROUP, ids)));
      body.put("size", 1000).put("track_total_hits", false);
      body.putArray("sort").add(F.objectNode().put("id", "asc"));
      ArrayNode src = body.putArray("_source");
      MEMBER_FIELDS.forEach(src::add);
      if (after != null) {
        body.set("search_after", after);
      }
      JsonNode res = client.call("POST", path + "/_search", body);
      checkComplete(res);
      JsonNode hits = res.path("hits").path("hits");
      for (JsonNode h : hits) {
        GroupMember m = member(h.path("_source"), true);
        out.computeIfAbsent(m.groupId(), g -> new ArrayList<>()).add(m);
        after = h.path("sort");
      }
      if (hits.size() < 1000) {
        return out;
      }
    }
  }

  /** How long a scan's point in time is kept between two pages. */
  private static final String SCAN_KEEP_ALIVE = "2m";

  /**
   * Walks the matches through a point in time (one consistent view of the index however long the
   * walk takes), a thousand at a time by {@code search_after}; nothing is held but one page.
   */
  @Override
  public void scan(SearchRequest r, boolean articles, Consumer<Match> visitor) throws IOException {
    ObjectNode period = periodFilter(r);
    ObjectNode press = pressFilter(r);
    Plan plan = plan(r, press, period);
    ObjectNode query = withGroup(filtered(QueryDsl.of(plan.text()), period, press), r.group());
    JsonNode opened = client.call("POST", path + "/_search/point_in_time?keep_alive=" + SCAN_KEEP_ALIVE, null);
    String pit = opened.path("pit_id").asText(null);
    if (pit == null) {
      throw new IOException("OpenSearch index " + name + " at " + client.urls() + " gave no point in time to scan: " + opened);
    }
    try {
      JsonNode after = null;
      while (true) {
        ObjectNode body = F.objectNode();
        body.set("query", query);
        body.put("size", 1000).put("track_total_hits", false);
        body.putObject("pit").put("id", pit).put("keep_alive", SCAN_KEEP_ALIVE);
        body.putArray("sort").add(F.objectNode().put("id", "asc"));
        if (!articles) {
          ArrayNode src = body.putArray("_source");
          List.of("id", "published", "press", GROUP).forEach(src::add);
        }
        if (after != null) {
          body.set("search_after", after);
        }
        JsonNode res = client.call("POST", "/_search", body);
        checkComplete(res);
        pit = res.path("pit_id").asText(pit);
        JsonNode hits = res.path("hits").path("hits");
        for (JsonNode h : hits) {
          JsonNode s = h.path("_source");
          String id = s.path("id").asText();
          String group = s.hasNonNull(GROUP) ? s.get(GROUP).asText() : id;
          if (articles) {
            Article a = article(s);
            visitor.accept(new Match(id, a.publishedAt(), a.press(), group, a));
          } else {
            Instant at = s.hasNonNull("published") ? Instant.ofEpochMilli(s.get("published").asLong()) : null;
            visitor.accept(new Match(id, at, text(s, "press"), group, null));
          }
          after = h.path("sort");
        }
        if (hits.size() < 1000) {
          return;
        }
      }
    } finally {
      ObjectNode del = F.objectNode();
      del.putArray("pit_id").add(pit);
      client.send("DELETE", "/_search/point_in_time", del.toString());
    }
  }

  /**
   * A chart's counts in one search: a {@code date_histogram} per Korea-time day and a {@code
   * missing} count for the undated, instead of paging through every match as {@link #scan} does.
   */
  @Override
  public sosik.search.DayCounts countByDay(SearchRequest r) throws IOException {
    ObjectNode period = periodFilter(r);
    ObjectNode press = pressFilter(r);
    Plan plan = plan(r, press, period);
    ObjectNode body = F.objectNode();
    body.set("query", withGroup(filtered(QueryDsl.of(plan.text()), period, press), r.group()));
    body.put("size", 0).put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("days").putObject("date_histogram")
        .put("field", "published")
        .put("calendar_interval", "1d")
        .put("time_zone", sosik.article.KoreaTime.ZONE.getId())
        .put("min_doc_count", 1)
        .put("format", "yyyy-MM-dd");
    aggs.putObject("undated").putObject("missing").put("field", "published");
    JsonNode res = client.call("POST", path + "/_search", body);
    checkComplete(res);
    java.util.TreeMap<java.time.LocalDate, Long> days = new java.util.TreeMap<>();
    for (JsonNode b : res.path("aggregations").path("days").path("buckets")) {
      days.merge(java.time.LocalDate.parse(b.path("key_as_string").asText()), b.path("doc_count").asLong(), Long::sum);
    }
    return new sosik.search.DayCounts(days, res.path("aggregations").path("undated").path("doc_count").asLong(),
        res.path("hits").path("total").path("value").asLong());
  }

  /** Marks the highlighter puts around a match: private-use characters no article holds. */
  static final String OPEN = "\uE000";
  static final String CLOSE = "\uE001";

  /** The matched ranges of {@code text}, from the highlighter's whole-field output. */
  static List<SnippetMaker.Match> matches(String text, JsonNode highlighted) {
    if (!highlighted.isArray() || highlighted.isEmpty()) {
      return List.of();
    }
    String marked = highlighted.get(0).asText();
    StringBuilder plain = new StringBuilder();
    List<int[]> ranges = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == OPEN.charAt(0)) {
        start = plain.length();
      } else if (c == CLOSE.charAt(0)) {
        if (start >= 0) {
          ranges.add(new int[] {start, plain.length()});
        }
        start = -1;
      } else {
        plain.append(c);
      }
    }
    // the highlighter may trim the field; find where its text sits in ours
    int shift = text.indexOf(plain.toString());
    if (shift < 0) {
      return List.of();
    }
    List<SnippetMaker.Match> out = new ArrayList<>();
    for (int[] m : ranges) {
      String surface = text.substring(m[0] + shift, m[1] + shift);
      out.add(new SnippetMaker.Match(m[0] + shift, m[1] + shift, surface.toLowerCase(java.util.Locale.ROOT)));
    }
    return out;
  }

  /** The term lists of the phrases in a highlight query, longest first. */
  static List<List<String>> phrases(Query q) {
    java.util.Set<List<String>> out = new java.util.LinkedHashSet<>();
    q.visit(new org.apache.lucene.search.QueryVisitor() {
      @Override
      public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
        if (query instanceof org.apache.lucene.search.PhraseQuery && terms.length > 1) {
          out.add(java.util.Arrays.stream(terms).map(org.apache.lucene.index.Term::text).toList());
        }
      }
    });
    List<List<String>> list = new ArrayList<>(out);
    list.sort((x, y) -> Integer.compare(y.size(), x.size()));
    return list;
  }

  /**
   * The highlighter's marks as the embedded index reports its matches: each marked token with its
   * analysed term, and a phrase of the query found whole as one match spanning it, named by its
   * terms joined with spaces (how Lucene's highlighter names a phrase match). The tokens come
   * from the same analysis on this side.
   */
  List<SnippetMaker.Match> asQueryMatches(String text, List<SnippetMaker.Match> marks, List<List<String>> phrases) {
    if (marks.isEmpty()) {
      return marks;
    }
    record Token(String term, int position, int start, int end) {}
    List<Token> marked = new ArrayList<>();
    try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream("body", text)) {
      var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      var offset = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      var inc = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      int m = 0;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        int st = offset.startOffset();
        int en = offset.endOffset();
        while (m < marks.size() && marks.get(m).end() <= st) {
          m++;
        }
        if (m < marks.size() && marks.get(m).start() <= st && en <= marks.get(m).end()) {
          marked.add(new Token(term.toString(), pos, st, en));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (marked.isEmpty()) {
      return marks; // the analysis did not line up with the marks: keep them as they are
    }
    List<SnippetMaker.Match> out = new ArrayList<>();
    for (int i = 0; i < marked.size(); ) {
      int taken = 0;
      for (List<String> p : phrases) {
        int n = p.size();
        if (i + n > marked.size()) {
          continue;
        }
        boolean whole = true;
        for (int k = 0; k < n && whole; k++) {
          Token t = marked.get(i + k);
          whole = t.term().equals(p.get(k)) && (k == 0 || t.position() == marked.get(i + k - 1).position() + 1);
        }
        if (whole) {
          out.add(new SnippetMaker.Match(marked.get(i).start(), marked.get(i + n - 1).end(), String.join(" ", p)));
          taken = n;
          break;
        }
      }
      if (taken == 0) {
        Token t = marked.get(i);
        out.add(new SnippetMaker.Match(t.start(), t.end(), t.term()));
        taken = 1;
      }
      i += taken;
    }
    return out;
  }

  private static Map<String, Long> pressCounts(JsonNode agg) {
    List<Map.Entry<String, Long>> list = new ArrayList<>();
    for (JsonNode b : agg.path("buckets")) {
      list.add(Map.entry(b.path("key").asText(), b.path("doc_count").asLong()));
    }
    list.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    LinkedHashMap<String, Long> out = new LinkedHashMap<>();
    list.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** A search that some shards failed to answer would count too few: it fails instead. */
  private void checkComplete(JsonNode res) throws IOException {
    JsonNode shards = res.path("_shards");
    int failed = shards.path("failed").asInt(0);
    if (failed > 0 || res.path("timed_out").asBoolean(false)) {
      JsonNode why = shards.path("failures").path(0).path("reason");
      throw new OpenSearchClient.ClusterException("OpenSearch index " + name + " answered from " + shards.path("successful").asInt()
          + " of " + shards.path("total").asInt() + " shards" + (why.isMissingNode() ? "" : ": " + why.path("reason").asText())
          + "; the count would not be exact", true, null);
    }
  }

  private record Plan(Query text, boolean relaxed) {}

  private Plan plan(SearchRequest r, ObjectNode press, ObjectNode period) throws IOException {
    LongQueryPolicy p = longQueries;
    LuceneQueryBuilder.TextQueries t = queries.textQueries(r.query(), r.titleOnly(), p);
    if (t.relaxed() == null) {
      return new Plan(t.strict(), false);
    }
    ObjectNode count = F.objectNode();
    count.set("query", filtered(QueryDsl.of(t.strict()), period, press));
    long n = client.call("POST", path + "/_count", count).path("count").asLong();
    return n >= p.relaxBelow() ? new Plan(t.strict(), false) : new Plan(t.relaxed(), true);
  }

  /**
   * The text query ranked with the request's freshness preference (measured from its {@code now}
   * or else the clock), as the embedded index ranks it: a relaxed query's all-words bonus added
   * after the multiplication; the plain translation when it does not apply.
   */
  private static ObjectNode fresh(Query text, SearchRequest r) {
    sosik.search.Freshness f = r.activeFreshness();
    if (f == null) {
      return QueryDsl.of(text);
    }
    long now = f.origin(Instant.now()).toEpochMilli();
    LuceneQueryBuilder.Multiplied parts = LuceneQueryBuilder.forMultiplier(text);
    ObjectNode boosted = QueryDsl.fresh(QueryDsl.of(parts.scored()), f, now);
    if (parts.allWords() == null) {
      return boosted;
    }
    ObjectNode b = F.objectNode();
    b.putArray("must").add(boosted);
    b.putArray("should").add(QueryDsl.of(parts.allWords()));
    return QueryDsl.wrap("bool", b);
  }

  private static ObjectNode filtered(ObjectNode text, ObjectNode period, ObjectNode press) {
    if (period == null && press == null) {
      return text;
    }
    ObjectNode b = F.objectNode();
    b.putArray("must").add(text);
    ArrayNode filter = b.putArray("filter");
    if (period != null) {
      filter.add(period);
    }
    if (press != null) {
      filter.add(press);
    }
    return QueryDsl.wrap("bool", b);
  }

  private static ObjectNode periodFilter(SearchRequest r) {
    if (r.from() == null && r.to() == null) {
      return null;
    }
    ObjectNode range = F.objectNode();
    if (r.from() != null) {
      range.put("gte", r.from().toEpochMilli());
    }
    if (r.to() != null) {
      range.put("lte", r.to().toEpochMilli());
    }
    return QueryDsl.wrap("range", F.objectNode().set("published", range));
  }

  private static ObjectNode pressFilter(SearchRequest r) {
    if (r.press().isEmpty()) {
      return null;
    }
    ArrayNode keys = F.arrayNode();
    for (String p : r.press()) {
      String k = Keys.of(p);
      if (k != null) {
        keys.add(k);
      }
    }
    if (keys.isEmpty()) {
      return QueryDsl.wrap("match_none", F.objectNode());
    }
    return QueryDsl.wrap("terms", F.objectNode().set("press_key", keys));
  }

  private static ArrayNode sort(SortOrder order) {
    ArrayNode s = F.arrayNode();
    ObjectNode newest = F.objectNode();
    newest.putObject("published").put("order", "desc").put("missing", "_last");
    ObjectNode oldest = F.objectNode();
    oldest.putObject("published").put("order", "asc").put("missing", "_last");
    switch (order) {
      case RELEVANCE -> {
        s.add(F.objectNode().put("_score", "desc"));
        s.add(newest);
      }
      case LATEST -> s.add(newest);
      case OLDEST -> s.add(oldest);
    }
    return s;
  }

  private static void checkWindow(SearchRequest r) {
    if ((long) r.page() * r.size() > LuceneNewsIndex.MAX_WINDOW) {
      throw new InvalidQueryException(
          String.format(
              "page %d of %d hits reaches past result %,d; only the first %,d results can be paged (narrow the query or the period)",
              r.page(), r.size(), (long) r.page() * r.size(), LuceneNewsIndex.MAX_WINDOW));
    }
  }

  @Override
  public IndexStats stats() throws IOException {
    ObjectNode body = F.objectNode();
    body.put("size", 0).put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("press").putObject("terms").put("field", "press").put("size", 10_000).put("shard_size", 10_000);
    aggs.putObject("earliest").putObject("min").put("field", "published");
    aggs.putObject("latest").putObject("max").put("field", "published");
    aggs.putObject("dated").putObject("value_count").put("field", "published");
    JsonNode res = client.call("POST", path + "/_search", body);
    checkComplete(res);
    long articles = res.path("hits").path("total").path("value").asLong();
    JsonNode a = res.path("aggregations");
    long dated = a.path("dated").path("value").asLong();
    Instant earliest = a.path("earliest").path("value").isNumber() ? Instant.ofEpochMilli(a.path("earliest").path("value").asLong()) : null;
    Instant latest = a.path("latest").path("value").isNumber() ? Instant.ofEpochMilli(a.path("latest").path("value").asLong()) : null;
    JsonNode st = client.call("GET", path + "/_stats/store,segments", null);
    JsonNode primaries = st.path("_all").path("primaries");
    long size = primaries.path("store").path("size_in_bytes").asLong();
    int segments = primaries.path("segments").path("count").isNumber() ? primaries.path("segments").path("count").asInt() : -1;
    return new IndexStats(articles, pressCounts(a.path("press")), earliest, latest, articles - dated, size, client.urls() + path, segments, -1, -1);
  }

  /**
   * The cluster's force merge of the index into at most {@code maxSegments} segments per shard,
   * run as a task and waited for (a merge of a large index outlasts any one request's timeout).
   */
  @Override
  public void optimize(int maxSegments) throws IOException {
    NewsIndex.checkSegments(maxSegments);
    commit();
    JsonNode started = client.call("POST", path + "/_forcemerge?max_num_segments=" + maxSegments + "&wait_for_completion=false", null);
    String task = started.path("task").asText("");
    if (task.isEmpty()) {
      throw new OpenSearchClient.ClusterException("OpenSearch " + client.urls() + " started no force merge task for " + name + ": " + started, false, null);
    }
    while (true) {
      JsonNode t = client.call("GET", "/_tasks/" + task, null);
      if (t.path("completed").asBoolean(false)) {
        if (t.has("error")) {
          throw new OpenSearchClient.ClusterException("OpenSearch force merge of " + name + " failed: " + t.path("error"), false, null);
        }
        JsonNode shards = t.path("response").path("_shards");
        if (shards.path("failed").asInt(0) > 0) {
          throw new OpenSearchClient.ClusterException("OpenSearch force merge of " + name + " failed on " + shards.path("failed").asInt()
              + " shard(s): " + shards.path("failures"), false, null);
        }
        break;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for the force merge of " + name);
      }
    }
    client.sendWithRetries("POST", path + "/_refresh", null);
  }

  @Override
  public void forEach(Consumer<Article> visitor) throws IOException {
    JsonNode after = null;
    while (true) {
      ObjectNode body = F.objectNode();
      body.put("size", 1000);
      body.set("query", QueryDsl.wrap("match_all", F.objectNode()));
      body.putArray("sort").add(F.objectNode().put("id", "asc"));
      if (after != null) {
        body.set("search_after", after);
      }
      JsonNode res = client.call("POST", path + "/_search", body);
      checkComplete(res);
      JsonNode hits = res.path("hits").path("hits");
      if (hits.isEmpty()) {
        return;
      }
      for (JsonNode h : hits) {
        visitor.accept(article(h.path("_source")));
        after = h.path("sort");
      }
    }
  }

  /** Writes not committed are dropped; the cluster keeps what was committed. */
  @Override
  public synchronized void close() {
    pending.clear();
    pendingHash.clear();
    pendingGroup.clear();
    grouper.committed();
  }

  /** There is no such index on the cluster. */
  public static final class NoSuchIndexException extends IOException {
    public NoSuchIndexException(String urls, String name) {
      super("no Sosik index '" + name + "' on the OpenSearch cluster at " + urls + " (create one with 'sosik index --backend"
          + " opensearch --opensearch-url " + urls + " FILE...')");
    }
  }

  /** How long a request may take before the cluster counts as slow. */
  public static Duration defaultTimeout() {
    return OpenSearchClient.DEFAULT_TIMEOUT;
  }
}

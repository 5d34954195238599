package sosik.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sosik.eval.CompanyNews;
import sosik.eval.EvalFiles;
import sosik.eval.EvalJson;
import sosik.eval.EvalRunner;
import sosik.eval.EvalSet;
import sosik.eval.LuceneBaseline;
import sosik.eval.Metrics;
import sosik.eval.RetrievalSystem;
import sosik.eval.SosikSystem;
import sosik.index.lucene.LongQueryPolicy;
import sosik.index.lucene.LuceneNewsIndex;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measures search quality: runs queries with known answers against a corpus and prints",
      "nDCG@10, MRR@10, Recall@10, Recall@100 (and P@10, P@100) for Sosik and plain Lucene baselines.",
      "The corpus is JSON Lines {\"id\",\"title\",\"text\"}, the queries JSON Lines {\"qid\",\"query\",\"relevant\":[ids]};",
      "or --company-news DIR: company-news-2019, each company name a query (see docs/QUALITY.md)."
    },
    footer = {
      "",
      "--json prints one object {\"ndcg@10\",\"mrr@10\",\"recall@10\",\"recall@100\",\"queries\"};",
      "with --backend all, one such object per backend in an object keyed by backend name:",
      "{\"sosik\": {…}, \"nori\": {…}, \"standard\": {…}}.",
      "Example: sosik eval --corpus paragraphs.jsonl --queries questions-dev.jsonl --backend all"
    })
final class EvalCommand extends ConsoleCommand implements Callable<Integer> {
  enum Backend { SOSIK, NORI, STANDARD, ALL }

  @Spec CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "FILE", description = "Documents, JSON Lines {\"id\",\"title\",\"text\"} (other article fields optional).")
  Path corpus;

  @Option(names = "--queries", paramLabel = "FILE", description = "Queries, JSON Lines {\"qid\",\"query\",\"relevant\":[ids]}.")
  Path queries;

  @Option(names = "--company-news", paramLabel = "DIR",
      description = "Instead of --corpus: the company-news-2019 directory as the corpus (ids: the articles' URLs); without --queries each company name is a query whose relevant set is the articles of its files.")
  Path companyNews;

  @Option(names = "--backend", paramLabel = "NAME", defaultValue = "sosik",
      description = "sosik (Sosik's own index and search), nori (BM25, stock Nori), standard (BM25, StandardAnalyzer) or all (default: ${DEFAULT-VALUE}).")
  Backend backend;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Sosik's index: searched as it is when DIR holds one, else built there from the corpus and kept (default: a temporary index, deleted after the run).")
  Path index;

  @Option(names = "--opensearch-url", paramLabel = "URL",
      description = "Run Sosik's search on the OpenSearch cluster at URL (with Sosik's plugin) instead of an embedded index: the corpus"
          + " is indexed into --opensearch-index, which is dropped first; without a corpus that index is searched as it is.")
  String opensearchUrl;

  @Option(names = "--opensearch-index", paramLabel = "NAME", defaultValue = "sosik-eval",
      description = "The OpenSearch index for --opensearch-url (default: ${DEFAULT-VALUE}).")
  String opensearchIndex;

  @Option(names = "--long-queries", paramLabel = "K=V,…",
      description = "Change how Sosik answers long queries for this run, e.g. enabled=false or match=0.6 (settings: "
          + "enabled, longWords, questions, relaxBelow, match, proximity, slop, allWordsFirst, context, questionWords; see docs/QUALITY.md).")
  String longQueries;

  @Option(names = "--out", paramLabel = "FILE", description = "Write per-query results as JSON Lines: backend, qid, query, first_relevant_rank, relevant, relevant_in_10, relevant_in_100, relaxed, failed, ids.")
  Path out;

  @Option(names = "--alias-weight", paramLabel = "W", defaultValue = "1",
      description = "Weight of an abbreviation pair's other form against the word as typed, in (0, 1] (default: ${DEFAULT-VALUE}).")
  float aliasWeight;

  @Option(names = "--lead-weight", paramLabel = "W", defaultValue = "0.3",
      description = "Weight W of the bonus for each query word in the body's lead (first 40 positions); 0: none (default: ${DEFAULT-VALUE}, as in search).")
  float leadWeight;

  @Option(names = "--no-aliases", description = "Sosik without abbreviation pairs at query time (to measure what they buy).")
  boolean noAliases;

  @Option(names = "--no-name-parts", description = "Sosik without splitting a name joined to an abbreviation (카카오CIC: 카카오 and CIC anywhere; to measure what it buys).")
  boolean noNameParts;

  @Option(names = "--no-transliterations", description = "Sosik scoring a pair that writes one name in two scripts (NAVER = 네이버) by the sum of both forms where an article writes both, as for an abbreviation, instead of by the word as typed alone (to measure what it buys).")
  boolean noTransliterations;

  @Option(names = "--no-transliteration-idf", description = "With the rule for a name in two scripts: its other script at full weight where it stands in for the typed form, instead of at most the typed form's idf (to measure what it buys).")
  boolean noTransliterationIdf;

  @Option(names = "--no-contractions", description = "Sosik without suffix contractions at query time (성균관대학교 = 성균관대; to measure what they buy).")
  boolean noContractions;

  @Option(names = "--no-spacing-variants", description = "Sosik without spacing variants at query time (챗GPT / 챗 GPT; to measure what they buy).")
  boolean noSpacing;

  @Option(names = "--spelling", paramLabel = "N", arity = "0..1", fallbackValue = "500",
      description = "Instead of ranking, measure the \"did you mean\" corrections: N headline words of the corpus (default 500) given a typo, and typed in English mode.")
  Integer spelling;

  @Option(names = "--freshness", paramLabel = "HALF_LIFE", defaultValue = "off",
      description = "Sosik's preference for recent articles in this run: off (default: the text score alone, the same figures whatever"
          + " the date), on (half-life 3d) or a half-life such as 12h, 3d, 1w. Measured from --freshness-now.")
  String freshness;

  @Option(names = "--freshness-weight", paramLabel = "W", defaultValue = "1",
      description = "With --freshness: the extra a brand-new article gets, score × (1 + W·0.5^(age/H)) (default: ${DEFAULT-VALUE}).")
  double freshnessWeight;

  @Option(names = "--freshness-now", paramLabel = "INSTANT",
      description = "The instant ages are measured from, e.g. 2019-12-31T00:00:00Z (default: a minute after the corpus's newest article)."
          + " The top-10 median age is measured from it too.")
  String freshnessNow;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Option(names = "--per-query", description = "Also print a line per query and backend: relevant set size, results, relevant in the top 10 and 100, first relevant rank (text output only).")
  boolean perQuery;

  private int spelling() throws java.io.IOException {
    if (companyNews == null && corpus == null) {
      throw new ParameterException(spec.commandLine(), "--spelling needs --company-news DIR or --corpus FILE (their headlines are the vocabulary)");
    }
    if (spelling < 1) {
      throw new ParameterException(spec.commandLine(), "--spelling N needs N of at least 1, was " + spelling);
    }
    List<String> titles = new ArrayList<>();
    var docs = companyNews != null ? CompanyNews.load(companyNews).docs() : EvalFiles.readCorpus(corpus, new ArrayList<>());
    for (var d : docs) {
      if (d.article().title() != null && !d.article().title().isBlank()) {
        titles.add(d.article().title());
      }
    }
    var r = sosik.eval.SpellingEval.run(titles, sosik.analysis.KoreanNewsAnalyzer.withDefaultDictionary(), spelling, 3, 20261125L);
    var o = console.out();
    if (json) {
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("words", r.words()).put("corrected", r.corrected()).put("wrong", r.wrong()).put("none", r.none())
          .put("accuracy", r.accuracy()).put("keyboard", r.keyboard()).put("keyboard_typo", r.keyboardTypo());
      o.println(Json.write(n));
    } else {
      o.printf("headline words with a typo: %,d (%,d headlines)%n", r.words(), titles.size());
      o.printf("  corrected to the word meant: %,d (%.1f%%)%n", r.corrected(), 100.0 * r.accuracy());
      o.printf("  corrected to another word:   %,d (%.1f%%)%n", r.wrong(), r.words() == 0 ? 0 : 100.0 * r.wrong() / r.words());
      o.printf("  no correction:               %,d (%.1f%%)%n", r.none(), r.words() == 0 ? 0 : 100.0 * r.none() / r.words());
      o.printf("typed in English mode, read back as the word: %,d of %,d%n", r.keyboard(), r.words());
      o.printf("typed in English mode with the typo, corrected to the word: %,d of %,d%n", r.keyboardTypo(), r.words());
      o.println("examples (typo → correction (word meant)):");
      r.examples().forEach(e -> o.println("  " + e));
    }
    return ExitCodes.OK;
  }

  /** The preference this run's Sosik searches use. */
  private sosik.search.Freshness freshnessUsed = sosik.search.Freshness.OFF;

  @Override
  public Integer call() throws Exception {
    if (companyNews != null && corpus != null) {
      throw new ParameterException(spec.commandLine(), "give either --company-news or --corpus, not both");
    }
    if (spelling != null) {
      return spelling();
    }
    if (companyNews == null && queries == null) {
      throw new ParameterException(spec.commandLine(), "--queries FILE is required (or --company-news DIR)");
    }
    if (opensearchUrl != null && index != null) {
      throw new ParameterException(spec.commandLine(), "give either --index (embedded) or --opensearch-url, not both");
    }
    boolean reuse = opensearchUrl != null
        ? corpus == null && companyNews == null
        : index != null && LuceneNewsIndex.exists(index);
    boolean needCorpus = backend != Backend.SOSIK || !reuse;
    if (companyNews == null && corpus == null && needCorpus) {
      throw new ParameterException(spec.commandLine(),
          "--corpus FILE is required" + (backend == Backend.SOSIK ? " (unless --index names an existing index)" : ""));
    }
    LongQueryPolicy policy = LongQueryPolicy.DEFAULT.with(longQueries);

    long t0 = System.nanoTime();
    EvalSet set;
    String what;
    if (companyNews != null) {
      set = CompanyNews.load(companyNews);
      what = companyNews.toString();
      if (queries != null) {
        // judged queries against the company-news articles (ids: their URLs), e.g. eval/news-queries.jsonl
        set = new EvalSet(set.docs(), EvalFiles.readQueries(queries), set.warnings());
      }
    } else {
      List<String> warnings = new ArrayList<>();
      set = new EvalSet(corpus == null ? List.of() : EvalFiles.readCorpus(corpus, warnings), EvalFiles.readQueries(queries), warnings);
      what = corpus == null ? index.toString() : corpus.toString();
    }
    int shown = 0;
    for (String w : set.warnings()) {
      if (shown++ == 5) {
        console.warn((set.warnings().size() - 5) + " more warnings");
        break;
      }
      console.warn(w);
    }
    console.err().printf("sosik: eval: %,d documents (%s), %,d queries, read in %.1f s%n",
        set.docs().size(), what, set.queries().size(), (System.nanoTime() - t0) / 1e9);

    // the freshness preference, measured from a fixed instant so that the run is reproducible
    Map<String, Instant> dates = new HashMap<>();
    for (sosik.eval.EvalDoc d : set.docs()) {
      if (d.article().publishedAt() != null) {
        dates.put(d.id(), d.article().publishedAt());
      }
    }
    Instant now;
    if (freshnessNow != null) {
      try {
        now = sosik.article.KoreaTime.parseIso(freshnessNow);
      } catch (RuntimeException e) {
        throw new ParameterException(spec.commandLine(), "--freshness-now '" + freshnessNow + "' is not an instant like 2019-12-31T00:00:00Z");
      }
    } else {
      now = dates.values().stream().max(Instant::compareTo).map(t -> t.plusSeconds(60)).orElse(null);
    }
    sosik.search.Freshness fresh;
    try {
      fresh = sosik.search.Freshness.parse("--freshness", freshness);
      if (fresh.on()) {
        fresh = fresh.withWeight(freshnessWeight); // weight 0: off
      }
    } catch (sosik.search.InvalidQueryException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (fresh.on() && now == null) {
      throw new ParameterException(spec.commandLine(), "--freshness needs --freshness-now: the corpus has no dated articles");
    }
    this.freshnessUsed = fresh.on() ? fresh.at(now) : sosik.search.Freshness.OFF;
    if (fresh.on()) {
      console.err().printf("sosik: eval: freshness on for sosik: W=%s, half-life %s, now %s%n",
          fresh.weight(), fresh.halfLifeText(), now);
    }

    List<Backend> backends = backend == Backend.ALL ? List.of(Backend.SOSIK, Backend.NORI, Backend.STANDARD) : List.of(backend);
    List<EvalRunner.Report> reports = new ArrayList<>();
    for (Backend b : backends) {
      reports.add(run(b, set, policy, reuse));
    }

    if (out != null) {
      writeOut(reports);
    }
    var o = console.out();
    ObjectMapper mapper = Json.MAPPER;
    if (json) {
      if (backend == Backend.ALL) {
        ObjectNode all = mapper.createObjectNode();
        for (EvalRunner.Report r : reports) {
          all.set(r.backend(), EvalJson.summary(mapper, r.summary()));
        }
        o.println(Json.write(all));
      } else {
        o.println(Json.write(EvalJson.summary(mapper, reports.get(0).summary())));
      }
    } else {
      o.println("backend    nDCG@10  MRR@10  Recall@10  Recall@100  P@10    P@100   queries  relaxed");
      for (EvalRunner.Report r : reports) {
        EvalRunner.Summary s = r.summary();
        o.printf("%-9s  %.4f   %.4f  %.4f     %.4f      %.4f  %.4f  %,7d  %s%n",
            r.backend(), s.ndcg10(), s.mrr10(), s.recall10(), s.recall100(), s.precision10(), s.precision100(), s.queries(),
            r.backend().equals("sosik") ? String.format("%,7d", s.relaxed()) : "      –");
      }
      // judged pools (grades with explicit zeros, e.g. eval/news-queries.jsonl): the figure over judged results alone
      boolean pooled = set.queries().stream().anyMatch(q -> q.grades().containsValue(0));
      if (pooled) {
        for (EvalRunner.Report r : reports) {
          double[] c = condensed(r);
          o.printf(java.util.Locale.ROOT, "%s: judged results only (unjudged left out of each list): nDCG@10 %.4f; unjudged in the top 10s: %,d%n",
              r.backend(), c[0], (long) c[1]);
        }
      }
      if (now != null && !dates.isEmpty()) {
        for (EvalRunner.Report r : reports) {
          o.printf(java.util.Locale.ROOT,
              "%s: top-10 age (each query's median, in days before %s): median %.1f, mean %.1f; top 10 from the last 7 days %.1f%%, top 1 %.1f%%%s%n",
              r.backend(), now,
              sosik.eval.ResultAges.medianOfMedians(r.results(), dates, now, 10),
              sosik.eval.ResultAges.meanOfMedians(r.results(), dates, now, 10),
              100 * sosik.eval.ResultAges.shareWithin(r.results(), dates, now, 10, 7),
              100 * sosik.eval.ResultAges.shareWithin(r.results(), dates, now, 1, 7),
              r.backend().equals("sosik") && freshnessUsed.on()
                  ? " (freshness W=" + freshnessUsed.weight() + ", half-life " + freshnessUsed.halfLifeText() + ")"
                  : r.backend().equals("sosik") ? " (freshness off)" : "");
        }
      }
      if (perQuery) {
        for (EvalRunner.Report r : reports) {
          o.println();
          o.println(r.backend() + ": qid  relevant  returned  relevant-in-10  relevant-in-100  first-relevant  relaxed  query");
          for (EvalRunner.QueryResult q : r.results()) {
            o.printf("%s  %,d  %d  %d  %d  %s  %s  %s%n", q.query().qid(), q.query().relevant().size(), q.ids().size(),
                Metrics.hits(q.ids(), q.query().relevant(), 10), Metrics.hits(q.ids(), q.query().relevant(), 100),
                q.firstRelevantRank() == 0 ? "–" : Integer.toString(q.firstRelevantRank()), q.relaxed() ? "yes" : "no",
                q.query().query());
          }
        }
      }
      for (EvalRunner.Report r : reports) {
        if (r.summary().failed() > 0) {
          o.printf("%s: %,d queries could not be run (counted as finding nothing)%n", r.backend(), r.summary().failed());
        }
        if (r.summary().skipped() > 0) {
          o.printf("%s: %,d queries without relevant ids left out%n", r.backend(), r.summary().skipped());
        }
      }
    }
    o.flush();
    return ExitCodes.OK;
  }

  private EvalRunner.Report run(Backend b, EvalSet set, LongQueryPolicy policy, boolean reuse) throws IOException {
    long t0 = System.nanoTime();
    Path temp = null;
    RetrievalSystem system;
    switch (b) {
      case SOSIK -> {
        if (opensearchUrl != null) {
          sosik.opensearch.OpenSearchSystem os = reuse
              ? sosik.opensearch.OpenSearchSystem.open(opensearchUrl, opensearchIndex)
              : sosik.opensearch.OpenSearchSystem.build(opensearchUrl, opensearchIndex, set.docs());
          os.longQueries(policy);
          os.freshness(freshnessUsed);
          system = os;
          break;
        }
        SosikSystem sosik;
        if (reuse) {
          sosik = SosikSystem.open(index);
          if (sosik.index().staleWarning() != null) {
            console.warn(sosik.index().staleWarning());
          }
        } else {
          Path dir = index;
          if (dir == null) {
            temp = Files.createTempDirectory("sosik-eval-");
            dir = temp;
          }
          sosik = SosikSystem.build(dir, set.docs());
        }
        sosik.longQueries(policy);
        sosik.freshness(freshnessUsed);
        sosik.index().queryFeatures(!noAliases, !noSpacing);
        sosik.index().leadWeight(leadWeight);
        sosik.index().aliasWeight(aliasWeight);
        sosik.index().contractions(!noContractions);
        sosik.index().nameParts(!noNameParts);
        sosik.index().transliterations(!noTransliterations);
        sosik.index().transliterationIdf(!noTransliterationIdf);
        system = sosik;
      }
      case NORI -> system = LuceneBaseline.nori(set.docs());
      case STANDARD -> system = LuceneBaseline.standard(set.docs());
      default -> throw new IllegalStateException(b.toString());
    }
    try {
      double indexed = (System.nanoTime() - t0) / 1e9;
      EvalRunner.Report r = EvalRunner.run(system, set.queries());
      console.err().printf("sosik: eval: %s: %s in %.1f s, %,d queries in %.1f s%n", b.name().toLowerCase(java.util.Locale.ROOT),
          b == Backend.SOSIK && reuse ? "opened " + (opensearchUrl != null ? opensearchUrl + "/" + opensearchIndex : index) : "indexed", indexed, r.summary().queries(), r.seconds());
      return r;
    } finally {
      system.close();
      if (temp != null) {
        deleteTree(temp);
      }
    }
  }

  /**
   * nDCG@10 over each query's judged results alone (the unjudged left out of the list, not counted
   * as irrelevant), averaged as the main figure is; and how many unjudged ids the top 10s hold. A
   * ranking change (such as freshness) that brings up articles the judges never saw lowers the main
   * figure whether or not they are relevant; this one shows the change among the judged.
   */
  private static double[] condensed(EvalRunner.Report r) {
    double sum = 0;
    int n = 0;
    long unjudged = 0;
    for (EvalRunner.QueryResult q : r.results()) {
      if (q.query().relevant().isEmpty()) {
        continue;
      }
      List<String> judged = new ArrayList<>();
      for (int i = 0; i < q.ids().size(); i++) {
        String id = q.ids().get(i);
        if (q.query().grades().containsKey(id)) {
          judged.add(id);
        } else if (i < 10) {
          unjudged++;
        }
      }
      sum += Metrics.ndcg(judged, q.query().grades(), 10);
      n++;
    }
    return new double[] {n == 0 ? 0 : sum / n, unjudged};
  }

  private void writeOut(List<EvalRunner.Report> reports) throws IOException {
    ObjectMapper compact = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (EvalRunner.Report r : reports) {
        for (EvalRunner.QueryResult q : r.results()) {
          w.write(compact.writeValueAsString(EvalJson.perQuery(compact, r.backend(), q)));
          w.newLine();
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

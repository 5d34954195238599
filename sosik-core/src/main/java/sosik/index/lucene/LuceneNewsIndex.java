package sosik.index.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import sosik.analysis.Aliases;
import sosik.analysis.KoreanNewsAnalyzer;
import sosik.analysis.NewsDictionary;
import sosik.article.Article;
import sosik.article.ArticleId;
import sosik.group.BandKeys;
import sosik.group.GroupMember;
import sosik.group.GroupPolicy;
import sosik.group.GroupSummary;
import sosik.group.Grouper;
import sosik.group.Signature;
import sosik.index.IndexStats;
import sosik.index.Keys;
import sosik.index.NewsIndex;
import sosik.search.InvalidQueryException;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;
import sosik.search.SearchTimeoutException;
import sosik.search.SortOrder;

/**
 * The embedded default: a Lucene index on local disk.
 *
 * <p>Layout of the index directory: {@code lucene/} (the Lucene files), {@code sosik.json} (which
 * analysis built it), {@code userdict.txt} (the user's dictionary words, when any), {@code
 * aliases.tsv} (abbreviation pairs learned from the indexed articles or added by hand, see {@link
 * Aliases}).
 */
public final class LuceneNewsIndex implements NewsIndex {
  /** How an index is opened. */
  public enum Mode {
    /** Search only; no lock, other processes may write. */
    READ_ONLY,
    /** Write (and search); creates the index when missing; one writer at a time. */
    WRITE
  }

  public static final String USER_DICTIONARY = "userdict.txt";
  /** Results beyond this rank cannot be paged to; the total count stays exact. */
  public static final int MAX_WINDOW = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Whether new segments put Bloom filters in front of the id and group-key terms ({@link
   * KeyLookupCodec}); {@code -Dsosik.keyFilters=false} writes without them, for measuring.
   */
  static final boolean KEY_FILTERS = !"false".equals(System.getProperty("sosik.keyFilters"));
  /**
   * Whether the lead bonus reads {@link Fields#LEAD} where the index has it (see {@link LeadQuery});
   * {@code -Dsosik.leadField=false} reads the body's positions instead, for measuring.
   */
  static final boolean LEAD_FIELD = !"false".equals(System.getProperty("sosik.leadField"));
  /**
   * Whether exact phrases of the headline and the body read the pair fields where the index has
   * them (see {@link PairPhraseQuery}); {@code -Dsosik.pairFields=false} reads positions instead,
   * for measuring.
   */
  static final boolean PAIR_FIELDS = !"false".equals(System.getProperty("sosik.pairFields"));
  /**
   * Whether a group's members are read from their {@link MemberCard}s and doc values where they have
   * them; {@code -Dsosik.memberCards=false} reads every member's stored fields, for measuring.
   */
  static final boolean MEMBER_CARDS = !"false".equals(System.getProperty("sosik.memberCards"));
  private static final String DELETED = "";

  private final Path dir;
  private final Directory directory;
  private final Analyzer analyzer;
  /** Sosik's chain with the current dictionary; replaced when the dictionary file changes. */
  private final SwappableAnalyzer korean;
  private volatile NewsDictionary dictionary;
  /** While stored articles are re-analysed: the chain they were analysed with, else null. */
  private volatile Analyzer previousAnalyzer;
  private volatile long dictionaryStamp;
  private volatile long dictionaryCheckedAt;
  private volatile Reanalysis reanalysis = Reanalysis.NONE;
  private Thread reanalyser;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final LuceneQueryBuilder queries;
  private final LuceneHighlights highlights;
  private final IdLookup idLookup = new IdLookup();
  private volatile String staleWarning;
  /** The index's layout (see {@link IndexMetadata#FORMAT_VERSION}). */
  private volatile int formatVersion;
  /** Whether exact phrases are answered from the pair fields (every article has them). */
  private volatile boolean pairPhrases;
  /** See {@link #skipsScores}. */
  private volatile boolean skipScores = !"false".equals(System.getProperty("sosik.skipScores"));
  private final java.util.concurrent.atomic.AtomicLong scoredMatches = new java.util.concurrent.atomic.AtomicLong();
  /** Default longest time one search may take. */
  public static final Duration DEFAULT_SEARCH_TIMEOUT = Duration.ofSeconds(10);

  private volatile Duration searchTimeout = DEFAULT_SEARCH_TIMEOUT;
  /** Most threads one search is spread over. */
  public static final int MAX_SEARCH_THREADS = 8;
  /**
   * An index with fewer documents than this in all is searched on the calling thread alone, even
   * with several search threads: handing a tiny search's work to other threads costs more than it saves.
   */
  static final int PARALLEL_MIN_DOCS = 50_000;

  /** Threads one search runs on; 1: the calling thread alone, no pool. */
  private volatile int searchThreads = defaultSearchThreads();
  private volatile int parallelMinDocs = PARALLEL_MIN_DOCS;
  /** The fewest matches a search is estimated to visit for it to be spread over the search threads. */
  static final long PARALLEL_MIN_COST = 16_384;

  private volatile long parallelMinCost = PARALLEL_MIN_COST;
  /** The search threads, started with the first parallel search (null until then), resized by {@link #searchThreads(int)}. */
  private volatile java.util.concurrent.ThreadPoolExecutor searchPool;
  private final Object searchPoolLock = new Object();
  private boolean searchPoolClosed;
  private volatile LongQueryPolicy longQueries = LongQueryPolicy.DEFAULT;
  /** Abbreviation pairs, learned as articles come in; re-read when another process changed the file. */
  private volatile Aliases aliases;
  private volatile long aliasesStamp;
  private volatile long aliasesCheckedAt;
  private volatile boolean aliasesChanged;
  /** Writes since the last commit: id -> content hash, or DELETED. */
  private final Map<String, String> pending = new java.util.concurrent.ConcurrentHashMap<>();
  /** Writes share it; a commit takes it alone, so that it never commits half of one. */
  private final java.util.concurrent.locks.ReentrantReadWriteLock writes = new java.util.concurrent.locks.ReentrantReadWriteLock();
  private final Object[] stripes = newStripes(64);
  /** Places articles in groups of related coverage; its methods are synchronized, so writers share it. */
  private final Grouper grouper = new Grouper(GroupPolicy.DEFAULT);
  private volatile boolean memberCards = MEMBER_CARDS;
  private volatile boolean writeMemberCards = true;

  private LuceneNewsIndex(Path dir, Mode mode) throws IOException {
    this.dir = dir;
    Path luceneDir = dir.resolve("lucene");
    IndexMetadata meta = IndexMetadata.read(dir);
    if (mode == Mode.READ_ONLY && (meta == null || !DirectoryReader.indexExists(FSDirectory.open(luceneDir)))) {
      throw new NoIndexException(dir);
    }
    if (meta != null && meta.formatVersion() > IndexMetadata.FORMAT_VERSION) {
      // a later layout may store what this release cannot read (version 5 packed the stored text)
      throw new IOException("index " + dir + " has layout version " + meta.formatVersion() + " (" + IndexMetadata.FILE
          + "), newer than this Sosik reads (" + IndexMetadata.FORMAT_VERSION + "); open it with the release that wrote it or a later one");
    }
    this.dictionary = loadDictionary(dir);
    this.dictionaryStamp = stamp(dir.resolve(USER_DICTIONARY));
    this.korean = new SwappableAnalyzer(new KoreanNewsAnalyzer(dictionary));
    this.analyzer =
        new PerFieldAnalyzerWrapper(korean, Map.of(Fields.ID, new KeywordAnalyzer()));
    this.aliases = loadAliases(dir);
    this.aliasesStamp = aliasesStamp(dir);
    this.queries = new LuceneQueryBuilder(analyzer, this::aliases, () -> previousAnalyzer);
    this.queries.termCounts(this::termCounts);
    String warning = null;
    if (meta != null
        && (meta.analyzerVersion() != KoreanNewsAnalyzer.VERSION
            || !meta.dictionaryFingerprint().equals(dictionary.fingerprint()))) {
      warning =
          "index " + dir + " was built with another analyzer or dictionary; run 'sosik reindex --index " + dir
              + "' so that queries match the indexed text";
    }
    this.directory = FSDirectory.open(luceneDir);
    // an index created now has the lead field in every article; an older one keeps its version
    boolean fresh = meta == null && !DirectoryReader.indexExists(directory);
    int format = fresh ? IndexMetadata.FORMAT_VERSION : meta == null ? 1 : meta.formatVersion();
    this.formatVersion = format;
    queries.leadField(LEAD_FIELD && format >= IndexMetadata.LEAD_FIELD);
    this.pairPhrases = PAIR_FIELDS && format >= IndexMetadata.PAIR_FIELDS;
    grouper.timedBands(format >= IndexMetadata.TIMED_BANDS);
    if (mode == Mode.WRITE) {
      Files.createDirectories(luceneDir);
      IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
      cfg.setSimilarity(new BM25Similarity());
      if (KEY_FILTERS) {
        cfg.setCodec(new KeyLookupCodec());
      }
      cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      cfg.setRAMBufferSizeMB(64);
      cfg.setCommitOnClose(false);
      try {
        this.writer = new IndexWriter(directory, cfg);
      } catch (LockObtainFailedException e) {
        directory.close();
        throw new IOException(
            "index " + dir + " is in use by another Sosik process (an 'index' or 'serve' still running?)", e);
      }
      if (meta == null) {
        writer.commit();
        new IndexMetadata(format, KoreanNewsAnalyzer.VERSION, dictionary.fingerprint(), Instant.now().toString())
            .write(dir);
      }
      this.searchers = new SearcherManager(writer, null);
    } else {
      this.writer = null;
      try {
        this.searchers = new SearcherManager(directory, null);
      } catch (IndexNotFoundException e) {
        directory.close();
        throw new NoIndexException(dir);
      }
    }
    this.staleWarning = warning;
    this.highlights = new LuceneHighlights(analyzer);
  }

  private static Object[] newStripes(int n) {
    Object[] a = new Object[n];
    for (int i = 0; i < n; i++) {
      a[i] = new Object();
    }
    return a;
  }

  public static LuceneNewsIndex open(Path dir, Mode mode) throws IOException {
    return new LuceneNewsIndex(dir, mode);
  }

  /** Whether {@code dir} holds a Sosik index. */
  public static boolean exists(Path dir) {
    return Files.exists(dir.resolve(IndexMetadata.FILE));
  }

  private static NewsDictionary loadDictionary(Path dir) {
    return NewsDictionary.load(dir.resolve(USER_DICTIONARY));
  }

  static Aliases loadAliases(Path dir) {
    return Aliases.load(dir.resolve(Aliases.FILE)).notLearning(LuceneNewsIndex::notAnAliasForm);
  }

  /** Press names are not abbreviations of anything: 조선일보(조선) is a press, not a pair to learn. */
  private static boolean notAnAliasForm(String form) {
    return sosik.article.PressNames.isKnown(form);
  }

  private static long aliasesStamp(Path dir) {
    return stamp(dir.resolve(Aliases.FILE));
  }

  /** A file's modification time and size, 0 when it is missing. */
  private static long stamp(Path f) {
    try {
      return Files.exists(f) ? Files.getLastModifiedTime(f).toMillis() * 31 + Files.size(f) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Progress of re-analysing the stored articles after a dictionary change.
   *
   * @param running  whether it is under way
   * @param done     articles re-analysed so far
   * @param total    articles to re-analyse
   * @param fingerprint the dictionary it applies
   */
  public record Reanalysis(boolean running, long done, long total, String fingerprint) {
    static final Reanalysis NONE = new Reanalysis(false, 0, 0, null);
  }

  public Reanalysis reanalysis() {
    return reanalysis;
  }

  /**
   * Takes up a changed dictionary file ({@code sosik dict add} beside a running server) without a
   * restart: queries use the new dictionary at once, and the stored articles are re-analysed in
   * the background, a batch at a time. Until that is done, a query looks for each word as the new
   * and as the old dictionary read it, so no article goes missing meanwhile. Looked at by searches
   * at most once a second; returns whether a change was taken up. Only an index open for writing
   * can re-analyse; a read-only one does nothing.
   */
  public boolean reloadDictionary() throws IOException {
    if (writer == null) {
      return false;
    }
    synchronized (this) {
      long stamp = stamp(dir.resolve(USER_DICTIONARY));
      dictionaryStamp = stamp;
      NewsDictionary next = loadDictionary(dir);
      if (next.fingerprint().equals(dictionary.fingerprint())) {
        return false;
      }
      if (previousAnalyzer == null) {
        // the articles still hold the old analysis; a second change during a re-analysis keeps
        // the oldest, since articles not yet reached hold that one. Set before the swap, so that
        // no query reads the new analysis alone while articles still hold the old one
        previousAnalyzer = new PerFieldAnalyzerWrapper(korean.delegate(), Map.of(Fields.ID, new KeywordAnalyzer()));
      }
      korean.swap(new KoreanNewsAnalyzer(next));
      dictionary = next;
      startReanalysis(next.fingerprint());
      return true;
    }
  }

  private void maybeReloadDictionary() {
    if (writer == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - dictionaryCheckedAt < 1_000_000_000L) {
      return;
    }
    dictionaryCheckedAt = now;
    if (stamp(dir.resolve(USER_DICTIONARY)) != dictionaryStamp) {
      try {
        reloadDictionary();
      } catch (IOException | RuntimeException e) {
        staleWarning = "cannot take up the changed dictionary " + dir.resolve(USER_DICTIONARY) + ": " + e.getMessage();
      }
    }
  }

  private void startReanalysis(String fingerprint) {
    Thread running = reanalyser;
    if (running != null) {
      running.interrupt(); // it starts over below, with the new dictionary
    }
    Thread t = new Thread(() -> reanalyse(fingerprint), "sosik-reanalysis");
    t.setDaemon(true);
    reanalyser = t;
    t.start();
  }

  /** Re-analyses every stored article, in batches, leaving alone any that changed meanwhile. */
  private void reanalyse(String fingerprint) {
    try {
      List<Article> all = new ArrayList<>();
      forEach(all::add);
      reanalysis = new Reanalysis(true, 0, all.size(), fingerprint);
      int batch = 500;
      for (int from = 0; from < all.size(); from += batch) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        List<Article> part = all.subList(from, Math.min(all.size(), from + batch));
        synchronized (this) {
          if (!fingerprint.equals(dictionary.fingerprint())) {
            return;
          }
          writes.readLock().lock();
          try {
            IndexSearcher s = searchers.acquire();
            try {
              for (Article a : part) {
                synchronized (stripe(a.id())) {
                  String hash = contentHash(a);
                  String current = pending.containsKey(a.id()) ? pending.get(a.id()) : storedHash(s, a.id());
                  if (hash.equals(current)) { // unchanged since it was read: safe to write back, in its group
                    writer.updateDocument(new Term(Fields.ID, a.id()), toDocument(a, hash, storedMember(s, a)));
                  }
                }
              }
            } finally {
              searchers.release(s);
            }
          } finally {
            writes.readLock().unlock();
          }
          commit();
        }
        reanalysis = new Reanalysis(true, from + part.size(), all.size(), fingerprint);
      }
      synchronized (this) {
        if (!fingerprint.equals(dictionary.fingerprint())) {
          return;
        }
        // re-analysis rewrites only the articles the change touches: the index keeps its format
        new IndexMetadata(formatVersion, KoreanNewsAnalyzer.VERSION, fingerprint, Instant.now().toString()).write(dir);
        previousAnalyzer = null;
        staleWarning = null;
        reanalysis = new Reanalysis(false, all.size(), all.size(), fingerprint);
      }
    } catch (IOException | RuntimeException e) {
      staleWarning = "re-analysing " + dir + " with the changed dictionary failed: " + e.getMessage()
          + "; run 'sosik reindex --index " + dir + "'";
      reanalysis = new Reanalysis(false, reanalysis.done(), reanalysis.total(), fingerprint);
    }
  }

  /**
   * The abbreviation pairs this index uses at query time. A long-running process (the server) sees
   * changes that {@code sosik aliases} or an ingest made to the file within a second.
   */
  public Aliases aliases() {
    if (!aliasesChanged) {
      long now = System.nanoTime();
      if (now - aliasesCheckedAt > 1_000_000_000L) {
        aliasesCheckedAt = now;
        long stamp = aliasesStamp(dir);
        if (stamp != aliasesStamp) {
          aliasesStamp = stamp;
          aliases = loadAliases(dir);
        }
      }
    }
    return aliases;
  }

  /** Saves changed aliases beside the index (done by {@link #commit} for what ingest learned). */
  public synchronized void saveAliases() throws IOException {
    aliases.save(dir.resolve(Aliases.FILE));
    aliasesStamp = aliasesStamp(dir);
    aliasesChanged = false;
  }

  /**
   * Turns query-time features on or off, for measuring what each buys: abbreviation pairs ({@link
   * Aliases}) and spacing variants ({@code 챗GPT} / {@code 챗 GPT}). Both are on by default.
   */
  public void queryFeatures(boolean aliases, boolean spacingVariants) {
    queries.features(aliases, spacingVariants);
  }

  /** Turns the suffix contractions (성균관대학교 = 성균관대, 현대자동차 = 현대차) on or off (on by default). */
  public void contractions(boolean on) {
    queries.contractions(on);
  }

  /** Turns the parts of a name joined to an abbreviation (카카오CIC: 카카오 and CIC anywhere) on or off. */
  public void nameParts(boolean on) {
    queries.nameParts(on);
  }

  /**
   * Turns the rule for a pair that writes one name in two scripts (NAVER = 네이버) on or off (on by
   * default): on, a headline or body that holds the word as typed is scored by it alone, not by
   * the sum of both forms.
   */
  public void transliterations(boolean on) {
    queries.transliterations(on);
  }

  /** With the rule for a name in two scripts: its other script weighs at most the typed form's idf (on by default). */
  public void transliterationIdf(boolean on) {
    queries.transliterationIdf(on);
  }

  /** The live articles, then those holding each term. */
  private long[] termCounts(List<org.apache.lucene.index.Term> terms) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      long[] n = new long[terms.size() + 1];
      n[0] = s.getIndexReader().numDocs();
      for (int i = 0; i < terms.size(); i++) {
        n[i + 1] = s.count(new TermQuery(terms.get(i)));
      }
      return n;
    } finally {
      searchers.release(s);
    }
  }

  /** Weight of an abbreviation pair's other form against the word as typed, in (0, 1]. */
  public void aliasWeight(float weight) {
    queries.aliasWeight(weight);
  }

  /**
   * Weight of a bonus for each query word found in the lead, the body's first 40 positions (0:
   * none; 0.3 by default); ranking only, the count is unchanged.
   */
  public void leadWeight(float weight) {
    queries.leadWeight(weight);
  }

  /** Sets how long queries and questions are answered (see {@link LongQueryPolicy}). */
  public void longQueries(LongQueryPolicy policy) {
    this.longQueries = java.util.Objects.requireNonNull(policy, "policy");
  }

  public LongQueryPolicy longQueries() {
    return longQueries;
  }

  /** Sets the longest time one search may take; null for no limit. */
  public void searchTimeout(Duration limit) {
    this.searchTimeout = limit;
  }

  /**
   * Sets how many threads one search runs on: the index is cut into {@code n} parts of equal
   * document counts (a segment may be cut between two parts), searched in parallel (the calling
   * thread takes one). 1 searches
   * on the calling thread alone, as before parallel search; the default is the number of processors,
   * at most {@value #MAX_SEARCH_THREADS}, or {@code -Dsosik.searchThreads=N}. An index of fewer than
   * 50,000 documents is searched on one thread whatever the setting. Results are the same with any
   * number of threads.
   *
   * @throws IllegalArgumentException when {@code n} is less than 1
   */
  public void searchThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("search threads must be at least 1, not " + n);
    }
    synchronized (searchPoolLock) {
      searchThreads = n;
      java.util.concurrent.ThreadPoolExecutor pool = searchPool;
      if (pool != null && n > 1 && pool.getMaximumPoolSize() != n) {
        // resized in place: a search that holds the pool can still hand it work
        if (n > pool.getMaximumPoolSize()) {
          pool.setMaximumPoolSize(n);
          pool.setCorePoolSize(n);
        } else {
          pool.setCorePoolSize(n);
          pool.setMaximumPoolSize(n);
        }
      }
    }
  }

  /** How many threads one search runs on (see {@link #searchThreads(int)}). */
  public int searchThreads() {
    return searchThreads;
  }

  /** The smallest index, in documents, searched on several threads; tests lower it. */
  void parallelMinDocs(int docs) {
    this.parallelMinDocs = docs;
  }

  /** The fewest estimated matches of a search spread over several threads; tests lower it. */
  void parallelMinCost(long cost) {
    this.parallelMinCost = cost;
  }

  /** Tasks the search threads have run so far; 0 before the first parallel search. */
  long searchPoolTasks() {
    java.util.concurrent.ThreadPoolExecutor pool = searchPool;
    return pool == null ? 0 : pool.getCompletedTaskCount();
  }

  /** {@code -Dsosik.searchThreads=N}, else the processors, at most {@value #MAX_SEARCH_THREADS}. */
  static int defaultSearchThreads() {
    String p = System.getProperty("sosik.searchThreads");
    if (p != null && !p.isBlank()) {
      int n;
      try {
        n = Integer.parseInt(p.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("-Dsosik.searchThreads='" + p + "' is not a number of threads");
      }
      if (n < 1) {
        throw new IllegalArgumentException("-Dsosik.searchThreads=" + n + ": search threads must be at least 1");
      }
      return n;
    }
    return Math.max(1, Math.min(MAX_SEARCH_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /** The pool for a search on {@code threads} threads, started at the first; null for one thread. */
  private java.util.concurrent.Executor searchPool(int threads) {
    if (threads <= 1) {
      return null;
    }
    java.util.concurrent.ThreadPoolExecutor pool = searchPool;
    if (pool != null) {
      return pool;
    }
    synchronized (searchPoolLock) {
      if (searchPoolClosed) {
        throw new IllegalStateException("index " + dir + " is closed");
      }
      if (searchPool == null) {
        // the number as it is now: a setter may have run since the caller read it
        int size = Math.max(2, searchThreads);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ThreadFactory factory = r -> {
          Thread t = new Thread(r, "sosik-search-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
        searchPool = new java.util.concurrent.ThreadPoolExecutor(
            size, size, 0L, java.util.concurrent.TimeUnit.MILLISECONDS,
            new java.util.concurrent.LinkedBlockingQueue<>(), factory);
      }
      return searchPool;
    }
  }

  /** A warning when the index was built with another analysis than the current one, else null. */
  public String staleWarning() {
    return staleWarning;
  }

  public NewsDictionary dictionary() {
    return dictionary;
  }

  public Path directory() {
    return dir;
  }

  public Analyzer analyzer() {
    return analyzer;
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("index " + dir + " is open read-only");
    }
    return writer;
  }

  // ---- writing ----

  /**
   * Safe to call from several threads at once: each article's outcome and write happen under a
   * lock of its id's stripe (so two writers of one id never interleave), while writers of other
   * ids analyse in parallel; a commit waits for the writes in progress.
   */
  @Override
  public List<Outcome> upsert(List<Article> articles) throws IOException {
    IndexWriter w = writer();
    List<Outcome> out = new ArrayList<>(articles.size());
    writes.readLock().lock();
    try {
      IndexSearcher s = searchers.acquire();
      try {
        for (Article a : articles) {
          synchronized (stripe(a.id())) {
            String hash = contentHash(a);
            String known = pending.get(a.id());
            String before = known != null ? known : storedHash(s, a.id());
            if (hash.equals(before)) {
              out.add(Outcome.UNCHANGED);
              continue;
            }
            IndexSearcher committed = s;
            GroupMember placed = grouper.place(a, (keys, limit) -> candidates(committed, keys, limit));
            w.updateDocument(new Term(Fields.ID, a.id()), toDocument(a, hash, placed));
            pending.put(a.id(), hash);
            out.add(before == null || before.equals(DELETED) ? Outcome.ADDED : Outcome.UPDATED);
          }
          Aliases table = aliases();
          int version = table.version();
          table.observe(a.id(), a.press(), a.title() + "\n" + a.body());
          if (table.version() != version) {
            aliasesChanged = true;
          }
        }
      } finally {
        searchers.release(s);
      }
    } finally {
      writes.readLock().unlock();
    }
    return out;
  }

  private Object stripe(String id) {
    return stripes[Math.floorMod(id.hashCode(), stripes.length)];
  }

  @Override
  public synchronized void commit() throws IOException {
    IndexWriter w = writer();
    writes.writeLock().lock();
    try {
      w.commit();
      searchers.maybeRefreshBlocking();
      pending.clear();
      grouper.committed();
      if (aliasesChanged) {
        saveAliases();
      }
    } finally {
      writes.writeLock().unlock();
    }
  }

  @Override
  public synchronized void optimize(int maxSegments) throws IOException {
    NewsIndex.checkSegments(maxSegments);
    IndexWriter w = writer();
    commit();
    writes.writeLock().lock();
    try {
      // nothing is pending now and no write can start: the merged index is committed as it was
      w.forceMerge(maxSegments);
      w.commit();
      searchers.maybeRefreshBlocking();
    } finally {
      writes.writeLock().unlock();
    }
  }

  @Override
  public boolean delete(String id) throws IOException {
    IndexWriter w = writer();
    writes.readLock().lock();
    try {
      synchronized (stripe(id)) {
        IndexSearcher s = searchers.acquire();
        boolean existed;
        try {
          String known = pending.get(id);
          String before = known != null ? known : storedHash(s, id);
          existed = before != null && !before.equals(DELETED);
        } finally {
          searchers.release(s);
        }
        if (existed) {
          w.deleteDocuments(new Term(Fields.ID, id));
          pending.put(id, DELETED);
          grouper.removed(id);
        }
        return existed;
      }
    } finally {
      writes.readLock().unlock();
    }
  }

  /** The article's place in its group as stored (a group of its own when it has none yet). */
  private static GroupMember storedMember(IndexSearcher s, Article a) throws IOException {
    TopDocs td = s.search(new TermQuery(new Term(Fields.ID, a.id())), 1);
    String group = td.scoreDocs.length == 0 ? null : StoredDocs.read(s.storedFields(), td.scoreDocs[0].doc).get(Fields.GROUP);
    return GroupMember.of(a, group == null ? a.id() : group, Signature.of(a));
  }

  private static String storedHash(IndexSearcher s, String id) throws IOException {
    TopDocs td = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
    if (td.scoreDocs.length == 0) {
      return null;
    }
    return StoredDocs.read(s.storedFields(), td.scoreDocs[0].doc).get(Fields.HASH);
  }

  /** A fingerprint of every stored field: the same article again is left unchanged. */
  public static String contentHash(Article a) {
    StringBuilder sb = new StringBuilder();
    sb.append(a.title()).append('\u0001').append(a.body()).append('\u0001').append(a.press()).append('\u0001')
        .append(a.reporters()).append('\u0001').append(a.dateline()).append('\u0001').append(a.publishedAt())
        .append('\u0001').append(a.url()).append('\u0001').append(a.section()).append('\u0001').append(a.extra());
    return ArticleId.sha256Hex(sb.toString()).substring(0, 32);
  }

  /**
   * The headline or the body: analysed, with offsets (stored apart, as {@link PackedText}), its tokens written to {@code log} as
   * the writer inverts it, for the fields derived from them.
   */
  private static final class LoggedText extends Field {
    private final TokenLog log;

    LoggedText(String name, String text, TokenLog log) {
      super(name, text, Fields.TEXT);
      this.log = log;
    }

    @Override
    public org.apache.lucene.analysis.TokenStream tokenStream(Analyzer analyzer, org.apache.lucene.analysis.TokenStream reuse) {
      return log.recording(analyzer.tokenStream(name(), stringValue()));
    }
  }

  /**
   * A field fed from a {@link TokenLog} of a field added before it (the writer inverts a document's
   * fields in order): {@link Fields#LEAD}, the body's first {@link LuceneQueryBuilder#LEAD}
   * positions, and the pair fields. Nothing is analysed twice.
   */
  private static final class Derived extends Field {
    private final java.util.function.Supplier<org.apache.lucene.analysis.TokenStream> tokens;

    Derived(String name, FieldType type, java.util.function.Supplier<org.apache.lucene.analysis.TokenStream> tokens) {
      super(name, type);
      this.tokens = tokens;
    }

    @Override
    public org.apache.lucene.analysis.TokenStream tokenStream(Analyzer analyzer, org.apache.lucene.analysis.TokenStream reuse) {
      return tokens.get();
    }
  }

  /**
   * Whether exact phrases read the pair fields (where every article has them) or positions: the
   * same matches and scores, for measuring and for tests.
   */
  void usePairFields(boolean on) {
    pairPhrases = on && formatVersion >= IndexMetadata.PAIR_FIELDS;
  }

  /** Whether every article has {@link Fields#LEAD}, so that the lead bonus can read it. */
  boolean leadFromField() {
    return formatVersion >= IndexMetadata.LEAD_FIELD;
  }

  /**
   * Whether the lead bonus reads {@link Fields#LEAD} (where every article has it) or the body's
   * positions: the same matches and scores, for measuring and for tests.
   */
  void useLeadField(boolean on) {
    queries.leadField(on && leadFromField());
  }

  private Document toDocument(Article a, String hash, GroupMember group) {
    Document d = new Document();
    d.add(new StringField(Fields.GROUP, group.groupId(), Field.Store.YES));
    d.add(new SortedDocValuesField(Fields.GROUP_DV, new BytesRef(group.groupId())));
    for (String k : grouper.indexKeys(group)) {
      d.add(new StringField(Fields.GROUP_BAND, k, Field.Store.NO));
    }
    if (writeMemberCards) {
      d.add(new org.apache.lucene.document.BinaryDocValuesField(Fields.MEMBER_CARD_DV, new BytesRef(MemberCard.encode(a.id(), a.title()))));
    }
    byte[] sig = group.signature().toBytes();
    d.add(new org.apache.lucene.document.BinaryDocValuesField(Fields.GROUP_SIGNATURE_DV, new BytesRef(sig)));
    d.add(new StringField(Fields.ID, a.id(), Field.Store.YES));
    TokenLog titleTokens = new TokenLog();
    TokenLog bodyTokens = new TokenLog();
    d.add(new LoggedText(Fields.TITLE, a.title(), titleTokens));
    d.add(new LoggedText(Fields.BODY, a.body(), bodyTokens));
    // stored apart from the indexed text, packed (read back by StoredDocs)
    d.add(new StoredField(Fields.TITLE, new BytesRef(PackedText.encode(a.title()))));
    d.add(new StoredField(Fields.BODY, new BytesRef(PackedText.encode(a.body()))));
    if (!a.body().isEmpty()) {
      d.add(new Derived(Fields.LEAD, Fields.LEAD_TYPE, () -> bodyTokens.upTo(LuceneQueryBuilder.LEAD)));
    }
    d.add(new Derived(Fields.TITLE_PAIRS, Fields.PAIRS_TYPE, titleTokens::pairs));
    d.add(new Derived(Fields.BODY_PAIRS, Fields.PAIRS_TYPE, bodyTokens::pairs));
    d.add(new Derived(Fields.LEAD_PAIRS, Fields.PAIRS_TYPE, () -> bodyTokens.pairs(LuceneQueryBuilder.LEAD)));
    if (a.press() != null) {
      d.add(new StoredField(Fields.PRESS, a.press()));
      d.add(new StringField(Fields.PRESS_KEY, Keys.of(a.press()), Field.Store.NO));
      d.add(new SortedDocValuesField(Fields.PRESS_DV, new BytesRef(a.press())));
    }
    for (String r : a.reporters()) {
      d.add(new StoredField(Fields.REPORTER, r));
      String k = Keys.of(r);
      if (k != null) {
        d.add(new StringField(Fields.REPORTER_KEY, k, Field.Store.NO));
      }
    }
    if (a.dateline() != null) {
      d.add(new StoredField(Fields.DATELINE, a.dateline()));
    }
    if (a.publishedAt() != null) {
      long ms = a.publishedAt().toEpochMilli();
      d.add(new LongPoint(Fields.PUBLISHED, ms));
      d.add(new NumericDocValuesField(Fields.PUBLISHED_DV, ms));
      d.add(new StoredField(Fields.PUBLISHED, ms));
    }
    if (a.url() != null) {
      d.add(new StoredField(Fields.URL, a.url()));
    }
    if (a.section() != null) {
      d.add(new StoredField(Fields.SECTION, a.section()));
    }
    if (!a.extra().isEmpty()) {
      try {
        d.add(new StoredField(Fields.EXTRA, JSON.writeValueAsString(a.extra())));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    d.add(new StoredField(Fields.HASH, hash));
    return d;
  }

  static Article fromDocument(Document d) {
    String published = d.get(Fields.PUBLISHED);
    Map<String, String> extra = Map.of();
    String extraJson = d.get(Fields.EXTRA);
    if (extraJson != null) {
      try {
        extra = JSON.readValue(extraJson, new TypeReference<LinkedHashMap<String, String>>() {});
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Article(
        d.get(Fields.ID),
        d.get(Fields.TITLE),
        d.get(Fields.BODY),
        d.get(Fields.PRESS),
        List.of(d.getValues(Fields.REPORTER)),
        d.get(Fields.DATELINE),
        published == null ? null : Instant.ofEpochMilli(Long.parseLong(published)),
        d.get(Fields.URL),
        d.get(Fields.SECTION),
        extra);
  }

  // ---- reading ----

  @Override
  public Optional<Article> get(String id) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs td = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (td.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(fromDocument(StoredDocs.read(s.storedFields(), td.scoreDocs[0].doc)));
    } finally {
      searchers.release(s);
    }
  }

  @Override
  public SearchPage search(SearchRequest r) throws IOException {
    long t0 = System.nanoTime();
    maybeReloadDictionary();
    checkWindow(r);
    // the words are read before the searcher is (see Parts)
    Parts parts = parts(r);
    IndexSearcher shared = searchers.acquire();
    try {
      IndexSearcher s = searcher(shared);
      Plan plan = plan(s, parts);
      Query press = parts.press();
      Query mainQuery = plan.ranked(r);
      // press counts ignore the press filter, so the other presses' counts stay visible
      Query facetQuery = withGroup(filtered(plan.text(), plan.period(), null), r.group());
      if (r.grouped() && r.group() == null) {
        return groupedSearch(s, r, plan, mainQuery, facetQuery, parts.highlight(), press != null, t0);
      }
      int window = r.page() * r.size();
      Sort sort = sortFor(r.sort());
      RankedCollector.Result ranked = s.search(skipsScores(r) ? RankedCollector.oneByOne(mainQuery) : mainQuery,
          RankedCollector.manager(sort, window, press == null, skipsScores(r)));
      TopDocs docs = ranked.top();
      long total = ranked.total();
      scoredMatches.addAndGet(ranked.scored());
      Map<String, Long> pressCounts = press == null ? ranked.pressCounts() : s.search(facetQuery, new PressCounter.Manager());
      checkTime(s);
      ScoreDoc[] all = docs.scoreDocs;
      int from = Math.min(all.length, (r.page() - 1) * r.size());
      int[] ids = new int[all.length - from];
      float[] scores = new float[ids.length];
      for (int i = from; i < all.length; i++) {
        ids[i - from] = all[i].doc;
        scores[i - from] = scoreOf(all[i]);
      }
      List<SearchPage.Hit> hits =
          highlights.hits(s, parts.highlight(), ids, scores);
      List<SearchPage.HitGroup> groups = List.of();
      if (r.group() != null && !hits.isEmpty()) {
        GroupSummary summary = summary(s, r.group(), ids[0]);
        SearchPage.HitGroup g = new SearchPage.HitGroup(total, summary);
        groups = java.util.Collections.nCopies(hits.size(), g);
      }
      long took = (System.nanoTime() - t0) / 1_000_000;
      return new SearchPage(total, r.page(), r.size(), hits, pressCounts, took, plan.relaxed(), -1, groups);
    } finally {
      searchers.release(shared);
    }
  }

  /**
   * One hit per group: the best-ranked member of each group stands for it, the groups ordered by
   * their best member. The total stays the exact number of matching articles.
   */
  private SearchPage groupedSearch(
      IndexSearcher s, SearchRequest r, Plan plan, Query mainQuery, Query facetQuery, Query highlight, boolean pressFiltered, long t0)
      throws IOException {
    int wanted = r.page() * r.size();
    Sort sort = sortFor(r.sort());
    List<ScoreDoc> reps = new ArrayList<>();
    List<String> repGroups = new ArrayList<>();
    int window = Math.max(wanted * 4, 100);
    // the first pass counts the matches, per press and per group, beside its top articles; a wider
    // window, when the first holds too few groups, only ranks
    RankedCollector.Result first = s.search(skipsScores(r) ? RankedCollector.oneByOne(mainQuery) : mainQuery,
        RankedCollector.manager(sort, window, !pressFiltered, new GroupCounter.Manager(s.getIndexReader()), skipsScores(r)));
    GroupCounter.Counts counts = first.groups();
    Map<String, Long> pressCounts = pressFiltered ? s.search(facetQuery, new PressCounter.Manager()) : first.pressCounts();
    long total = counts.articles();
    TopDocs docs = first.top();
    while (true) {
      checkTime(s);
      reps.clear();
      repGroups.clear();
      java.util.Set<String> seen = new java.util.HashSet<>();
      List<LeafReaderContext> leaves = s.getIndexReader().leaves();
      for (ScoreDoc d : docs.scoreDocs) {
        String g = groupOf(leaves, d.doc);
        if (seen.add(g)) {
          reps.add(d);
          repGroups.add(g);
          if (reps.size() == wanted) {
            break;
          }
        }
      }
      if (reps.size() == wanted || docs.scoreDocs.length >= total || window >= total) {
        break;
      }
      window = (int) Math.min(total, (long) window * 4);
      docs = s.search(skipsScores(r) ? RankedCollector.oneByOne(mainQuery) : mainQuery,
          RankedCollector.manager(sort, window, false, skipsScores(r))).top();
    }
    int from = Math.min(reps.size(), (r.page() - 1) * r.size());
    int[] ids = new int[reps.size() - from];
    float[] scores = new float[ids.length];
    for (int i = from; i < reps.size(); i++) {
      ids[i - from] = reps.get(i).doc;
      scores[i - from] = scoreOf(reps.get(i));
    }
    List<SearchPage.Hit> hits = highlights.hits(s, highlight, ids, scores);
    // each hit's group read from its members (on the search threads, like the snippets)
    List<SearchPage.HitGroup> groups = SlicedSearcher.inRuns(s, hits.size(), LuceneHighlights.MIN_HITS_PER_THREAD, (a, b) -> {
      List<SearchPage.HitGroup> run = new ArrayList<>(b - a);
      for (int i = a; i < b; i++) {
        String g = repGroups.get(from + i);
        long matching = counts.countOf(s.getIndexReader().leaves(), ids[i]);
        run.add(new SearchPage.HitGroup(matching, summary(s, g, ids[i])));
      }
      return run;
    });
    long took = (System.nanoTime() - t0) / 1_000_000;
    return new SearchPage(total, r.page(), r.size(), hits, pressCounts, took, plan.relaxed(), counts.groups(), groups);
  }

  /** The group of a document: its group doc value, or its own id when it has none. */
  private String groupOf(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    org.apache.lucene.index.SortedDocValues dv = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), Fields.GROUP_DV);
    if (dv.advanceExact(doc - leaf.docBase)) {
      return dv.lookupOrd(dv.ordValue()).utf8ToString();
    }
    return idLookup.id(leaves, doc);
  }

  /**
   * The ids of a result page, best first, chosen exactly as {@link #search} chooses them (the same
   * query, the same relaxation, the same order) but without snippets or press counts: what an
   * evaluation needs, at a fraction of the cost.
   */
  public Ranking rank(SearchRequest r) throws IOException {
    maybeReloadDictionary();
    checkWindow(r);
    // the words are read before the searcher is (see Parts)
    Parts parts = parts(r);
    IndexSearcher shared = searchers.acquire();
    try {
      IndexSearcher s = searcher(shared);
      Plan plan = plan(s, parts);
      Query q = plan.ranked(r);
      RankedCollector.Result ranked = s.search(skipsScores(r) ? RankedCollector.oneByOne(q) : q,
          RankedCollector.manager(sortFor(r.sort()), r.page() * r.size(), false, skipsScores(r)));
      TopDocs docs = ranked.top();
      checkTime(s);
      ScoreDoc[] all = docs.scoreDocs;
      int from = Math.min(all.length, (r.page() - 1) * r.size());
      List<String> ids = new ArrayList<>(all.length - from);
      float[] scores = new float[all.length - from];
      List<LeafReaderContext> leaves = s.getIndexReader().leaves();
      for (int i = from; i < all.length; i++) {
        ids.add(idLookup.id(leaves, all[i].doc));
        scores[i - from] = scoreOf(all[i]);
      }
      return new Ranking(ranked.total(), plan.relaxed(), ids, scores);
    } finally {
      searchers.release(shared);
    }
  }

  /**
   * Why each of {@code ids} matched {@code r} and what it scored: the query is planned exactly as
   * {@link #search} plans it (all words or relaxed), and each article's score is taken apart into
   * the words and phrases it matched, field by field, with their BM25 figures. Ids that do not
   * match are left out.
   */
  public Map<String, sosik.search.Explanation> explain(SearchRequest r, List<String> ids) throws IOException {
    // the words are read before the searcher is (see Parts)
    Parts parts = parts(r);
    IndexSearcher shared = searchers.acquire();
    try {
      IndexSearcher s = searcher(shared);
      Plan plan = plan(s, parts);
      Query q = s.rewrite(plan.ranked(r));
      Map<String, sosik.search.Explanation> out = new LinkedHashMap<>();
      for (String id : ids) {
        TopDocs td = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
        if (td.scoreDocs.length == 0) {
          continue;
        }
        org.apache.lucene.search.Explanation e = s.explain(q, td.scoreDocs[0].doc);
        if (e.isMatch()) {
          out.put(id, LuceneExplain.of(id, e.getValue().floatValue(), plan.relaxed(), e));
        }
      }
      return out;
    } finally {
      searchers.release(shared);
    }
  }

  /**
   * A result page as ids only.
   *
   * @param total   exact number of matching articles, for the query as it was run
   * @param relaxed whether it was run relaxed (see {@link SearchPage#relaxed()})
   * @param ids     the page's article ids, best first
   * @param scores  their scores
   */
  public record Ranking(long total, boolean relaxed, List<String> ids, float[] scores) {}

  /**
   * The text query with its scores multiplied by the request's freshness factor (see {@link
   * sosik.search.Freshness}), measured from the request's {@code now} or else the clock (a relaxed
   * query's all-words bonus added after); {@code text} itself when the preference is off or the
   * order is not relevance.
   */
  static Query fresh(Query text, SearchRequest r) {
    sosik.search.Freshness f = r.activeFreshness();
    if (f == null) {
      return text;
    }
    long now = f.origin(Instant.now()).toEpochMilli();
    // a relaxed query's all-words bonus is added after the multiplication, not multiplied
    LuceneQueryBuilder.Multiplied parts = LuceneQueryBuilder.forMultiplier(text);
    Query boosted = FreshnessValues.boost(parts.scored(), f, now);
    if (parts.allWords() == null) {
      return boosted;
    }
    return new BooleanQuery.Builder()
        .add(boosted, BooleanClause.Occur.MUST)
        .add(parts.allWords(), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * For tests: every match of the relevance query {@code r} runs as, in index order, with its score,
   * the bound its scorer gives for it and the bound from there to the end of the stretch that bound
   * was read for (read as {@link RankedCollector} reads them, before the score), and the best score
   * of all the matches.
   */
  List<float[]> scoresAndBounds(SearchRequest r) throws IOException {
    Parts parts = parts(r);
    IndexSearcher shared = searchers.acquire();
    try {
      IndexSearcher s = searcher(shared);
      Plan plan = plan(s, parts);
      Query q = plan.ranked(r);
      org.apache.lucene.search.Weight w =
          s.createWeight(s.rewrite(RankedCollector.oneByOne(q)), org.apache.lucene.search.ScoreMode.COMPLETE, 1f);
      List<float[]> out = new ArrayList<>();
      float best = 0f;
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        org.apache.lucene.search.Scorer scorer = w.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        int upTo = -1;
        float blockBound = 0f;
        org.apache.lucene.search.DocIdSetIterator it = scorer.iterator();
        for (int doc = it.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (doc > upTo) {
            upTo = scorer.advanceShallow(doc);
            blockBound = scorer.getMaxScore(upTo);
          }
          float bound = scorer.getMaxScore(doc);
          float score = scorer.score();
          best = Math.max(best, score);
          out.add(new float[] {score, bound, blockBound, 0f});
        }
      }
      for (float[] sb : out) {
        sb[3] = best;
      }
      return out;
    } finally {
      searchers.release(shared);
    }
  }

  /**
   * Whether a search in this order leaves unscored the matches that cannot reach its page ({@link
   * RankedCollector}): in relevance order, unless {@code -Dsosik.skipScores=false} (every match
   * scored, for measuring) or {@link #skipScores(boolean)} turned it off.
   */
  private boolean skipsScores(SearchRequest r) {
    return skipScores && r.sort() == SortOrder.RELEVANCE;
  }

  /** Whether relevance searches leave unscored the matches that cannot reach the page (for tests and measuring). */
  void skipScores(boolean on) {
    this.skipScores = on;
  }

  /** Scored matches of the searches so far: what {@link #skipsScores} saves (for tests and measuring). */
  long scoredMatches() {
    return scoredMatches.get();
  }

  /** {@code text} with the period and press filters that are not null. */
  private static Query filtered(Query text, Query period, Query press) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    if (period != null) {
      b.add(period, BooleanClause.Occur.FILTER);
    }
    if (press != null) {
      b.add(press, BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** The text query a request runs as: all words, or relaxed when it is long and all words find too few. */
  private record Plan(Query text, boolean relaxed, Query press, Query period) {
    /** The query a page is ranked by: the text with freshness, within the filters and the group. */
    Query ranked(SearchRequest r) {
      return withGroup(filtered(fresh(text, r), period, press), r.group());
    }
  }

  /**
   * A request's filters and words. They are read before the searcher is taken: a dictionary
   * re-analysis that ends in between has already made every article it rewrote visible.
   */
  private record Parts(Query press, Query period, LuceneQueryBuilder.TextQueries text, Query highlight) {}

  /** The request's filters, queries and words to mark, its words analysed once for them all. */
  private Parts parts(SearchRequest r) {
    return LuceneQueryBuilder.sharingAnalyses(() -> new Parts(queries.pressFilter(r), queries.periodFilter(r),
        queries.textQueries(r.query(), r.titleOnly(), longQueries), queries.highlightQuery(r.query(), r.titleOnly())));
  }

  private Plan plan(IndexSearcher s, Parts parts) throws IOException {
    LuceneQueryBuilder.TextQueries t = parts.text();
    Query press = parts.press();
    Query period = parts.period();
    if (pairPhrases) {
      t = new LuceneQueryBuilder.TextQueries(
          PairPhraseQuery.withPairs(t.strict()), t.relaxed() == null ? null : PairPhraseQuery.withPairs(t.relaxed()));
    }
    LongQueryPolicy p = longQueries;
    if (t.relaxed() == null) {
      return new Plan(t.strict(), false, press, period);
    }
    // the decision counts what the page would list: the all-words query within the filters
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(t.strict(), BooleanClause.Occur.FILTER);
    if (period != null) {
      all.add(period, BooleanClause.Occur.FILTER);
    }
    if (press != null) {
      all.add(press, BooleanClause.Occur.FILTER);
    }
    if (s.count(all.build()) >= p.relaxBelow()) {
      return new Plan(t.strict(), false, press, period);
    }
    return new Plan(t.relaxed(), true, press, period);
  }

  private static void checkWindow(SearchRequest r) {
    if ((long) r.page() * r.size() > MAX_WINDOW) {
      throw new InvalidQueryException(
          String.format(
              "page %d of %d hits reaches past result %,d; only the first %,d results can be paged (narrow the query or the period)",
              r.page(), r.size(), (long) r.page() * r.size(), MAX_WINDOW));
    }
  }

  /**
   * A searcher of its own, so that its time limit is this request's alone; with several search
   * threads and an index large enough, one that searches parts of the index in parallel.
   */
  private IndexSearcher searcher(IndexSearcher shared) {
    IndexReader reader = shared.getIndexReader();
    int threads = searchThreads;
    IndexSearcher s;
    if (threads > 1 && reader.maxDoc() >= parallelMinDocs) {
      s = new SlicedSearcher(reader, searchPool(threads), threads, parallelMinDocs, parallelMinCost);
    } else {
      s = new IndexSearcher(reader);
    }
    Duration limit = searchTimeout;
    if (limit != null) {
      s.setTimeout(new QueryTimeoutImpl(limit.toMillis()));
    }
    return s;
  }

  private void checkTime(IndexSearcher s) {
    if (s.timedOut()) {
      throw new SearchTimeoutException(searchTimeout);
    }
  }

  private static float scoreOf(ScoreDoc d) {
    if (d instanceof FieldDoc fd && fd.fields != null) {
      for (Object f : fd.fields) {
        if (f instanceof Float score) {
          return score;
        }
      }
    }
    return Float.isNaN(d.score) ? 0f : d.score;
  }

  private static Sort sortFor(SortOrder order) {
    SortField newest = new SortField(Fields.PUBLISHED_DV, SortField.Type.LONG, true);
    newest.setMissingValue(Long.MIN_VALUE);
    SortField oldest = new SortField(Fields.PUBLISHED_DV, SortField.Type.LONG, false);
    oldest.setMissingValue(Long.MAX_VALUE);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newest, SortField.FIELD_DOC);
      case LATEST -> new Sort(newest, SortField.FIELD_DOC);
      case OLDEST -> new Sort(oldest, SortField.FIELD_DOC);
    };
  }

  @Override
  public IndexStats stats() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      long articles = s.getIndexReader().numDocs();
      Map<String, Long> press = s.search(new MatchAllDocsQuery(), new PressCounter.Manager());
      long dated = s.count(new FieldExistsQuery(Fields.PUBLISHED_DV));
      Instant earliest = null;
      Instant latest = null;
      if (dated > 0) {
        earliest = firstDate(s, SortOrder.OLDEST);
        latest = firstDate(s, SortOrder.LATEST);
      }
      return new IndexStats(articles, press, earliest, latest, articles - dated, sizeOnDisk(), dir.toString(),
          s.getIndexReader().leaves().size(), formatVersion, IndexMetadata.FORMAT_VERSION);
    } finally {
      searchers.release(s);
    }
  }

  private static Instant firstDate(IndexSearcher s, SortOrder order) throws IOException {
    TopDocs td = s.search(new FieldExistsQuery(Fields.PUBLISHED_DV), 1, sortFor(order));
    String v = StoredDocs.read(s.storedFields(), td.scoreDocs[0].doc).get(Fields.PUBLISHED);
    return Instant.ofEpochMilli(Long.parseLong(v));
  }

  private long sizeOnDisk() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0; // a file merged away while we looked
        }
      }).sum();
    }
  }

  @Override
  public void forEach(Consumer<Article> visitor) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      forEachDocument(s, d -> visitor.accept(fromDocument(d)));
    } finally {
      searchers.release(s);
    }
  }

  /** Where {@link #suggester} keeps the headline words between processes. */
  public static final String SUGGEST_FILE = "suggest-words.tsv";

  /**
   * A name for the state the headline words are read from: the index reader's version, the
   * analyzer's and the dictionary's; it changes when any of them does.
   */
  String titlesVersion() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      long v = ((org.apache.lucene.index.DirectoryReader) s.getIndexReader()).getVersion();
      return v + "-" + KoreanNewsAnalyzer.VERSION + "-" + dictionary.fingerprint();
    } finally {
      searchers.release(s);
    }
  }

  /**
   * The search box's words ({@link sosik.search.Suggester}): read from the file saved with the
   * index when it was made from this very state, else from every stored headline (a pass that
   * takes about a second per 10,000 articles) and saved for the next process. A file that cannot
   * be written (a read-only index) only means the next process reads the headlines again.
   */
  public sosik.search.Suggester suggester() throws IOException {
    String version = titlesVersion(); // before reading: newer headlines only make the file look stale
    Path file = dir.resolve(SUGGEST_FILE);
    Optional<sosik.search.Suggester> saved = sosik.search.Suggester.load(file, version);
    if (saved.isPresent()) {
      return saved.get();
    }
    sosik.search.Suggester built = sosik.search.Suggester.build(this, analyzer);
    try {
      built.save(file, version);
    } catch (IOException e) {
      // only a cache
    }
    return built;
  }

  /** Reads the headline field alone: the bodies are neither decoded nor turned into articles. */
  @Override
  public void forEachTitle(Consumer<String> visitor) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      java.util.Set<String> only = java.util.Set.of(Fields.TITLE);
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        var live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            String t = StoredDocs.read(stored, i, only).get(Fields.TITLE);
            if (t != null) {
              visitor.accept(t);
            }
          }
        }
      }
    } finally {
      searchers.release(s);
    }
  }

  private static void forEachDocument(IndexSearcher s, Consumer<Document> visitor) throws IOException {
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      StoredFields stored = leaf.reader().storedFields();
      var live = leaf.reader().getLiveDocs();
      for (int i = 0; i < leaf.reader().maxDoc(); i++) {
        if (live == null || live.get(i)) {
          visitor.accept(StoredDocs.read(stored, i));
        }
      }
    }
  }

  // ---- related coverage ----

  /** Articles placed in groups since this index was opened, and the time that took. */
  public long groupingNanos() {
    return grouper.nanos();
  }

  public long groupingPlaced() {
    return grouper.placed();
  }

  /** Of those, the articles that joined a group by the event rule ({@link GroupPolicy#event()}). */
  public long groupingEventJoins() {
    return grouper.eventJoins();
  }

  @Override
  public GroupPolicy groupPolicy() {
    return grouper.policy();
  }

  @Override
  public List<GroupMember> groupCandidates(List<String> bandKeys, int limit) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return candidates(s, bandKeys, limit);
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Articles sharing band keys, those sharing the most first (then in index order), at least
   * {@link Signature#MIN_SHARED_BANDS} keys each. Read straight from each segment's terms: one
   * seek a key and segment, most of them answered by the key field's Bloom filter ({@link
   * KeyLookupCodec}), with none of a query's per-term set-up; this runs for every article indexed.
   */
  private List<GroupMember> candidates(IndexSearcher s, List<String> bandKeys, int limit) throws IOException {
    if (bandKeys.isEmpty()) {
      return List.of();
    }
    int min = Math.min(Signature.MIN_SHARED_BANDS, bandKeys.size());
    BytesRef[] keys = new BytesRef[bandKeys.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new BytesRef(bandKeys.get(i));
    }
    java.util.Arrays.sort(keys); // neighbouring keys share the terms dictionary's blocks
    long[] weeks = new long[keys.length];
    boolean[] prefix = new boolean[keys.length];
    boolean[] undated = new boolean[keys.length];
    for (int i = 0; i < keys.length; i++) {
      String k = keys[i].utf8ToString();
      weeks[i] = BandKeys.weekOf(k);
      prefix[i] = BandKeys.isPrefix(k);
      undated[i] = BandKeys.isUndated(k);
    }
    List<long[]> shared = new ArrayList<>(); // {global doc, keys shared}
    org.apache.lucene.index.PostingsEnum postings = null;
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      org.apache.lucene.index.Terms terms = leaf.reader().terms(Fields.GROUP_BAND);
      if (terms == null) {
        continue;
      }
      // the segment's weeks and whether it holds undated articles: a week key outside them, or an
      // undated key where every article is dated, is not looked for
      org.apache.lucene.index.PointValues dates = leaf.reader().getPointValues(Fields.PUBLISHED);
      boolean anyUndated = dates == null || dates.getDocCount() < leaf.reader().maxDoc();
      long firstWeek;
      long lastWeek;
      if (dates != null) {
        firstWeek = BandKeys.week(Instant.ofEpochMilli(org.apache.lucene.document.LongPoint.decodeDimension(dates.getMinPackedValue(), 0)));
        lastWeek = BandKeys.week(Instant.ofEpochMilli(org.apache.lucene.document.LongPoint.decodeDimension(dates.getMaxPackedValue(), 0)));
      } else {
        firstWeek = Long.MAX_VALUE; // no dated article: no week key can be there
        lastWeek = Long.MIN_VALUE;
      }
      org.apache.lucene.index.TermsEnum te = terms.iterator();
      var live = leaf.reader().getLiveDocs();
      Map<Integer, Integer> counts = null;
      for (int i = 0; i < keys.length; i++) {
        BytesRef k = keys[i];
        if ((undated[i] && !anyUndated) || (weeks[i] != Long.MIN_VALUE && (weeks[i] < firstWeek || weeks[i] > lastWeek))) {
          continue;
        }
        if (prefix[i]) {
          // an undated article's look-up: the band key in every week, and undated
          if (te.seekCeil(k) == org.apache.lucene.index.TermsEnum.SeekStatus.END) {
            continue;
          }
          for (BytesRef t = te.term(); t != null && org.apache.lucene.util.StringHelper.startsWith(t, k); t = te.next()) {
            postings = te.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
            counts = count(postings, live, counts);
          }
          continue;
        }
        if (!te.seekExact(k)) {
          continue;
        }
        postings = te.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
        counts = count(postings, live, counts);
      }
      if (counts != null) {
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
          if (e.getValue() >= min) {
            shared.add(new long[] {leaf.docBase + e.getKey(), e.getValue()});
          }
        }
      }
    }
    shared.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
    ScoreDoc[] top = new ScoreDoc[Math.min(limit, shared.size())];
    for (int i = 0; i < top.length; i++) {
      top[i] = new ScoreDoc((int) shared.get(i)[0], shared.get(i)[1]);
    }
    TopDocs td = new TopDocs(new org.apache.lucene.search.TotalHits(shared.size(), org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), top);
    // read from doc values only: no stored document is decompressed for a candidate
    List<GroupMember> out = new ArrayList<>(td.scoreDocs.length);
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    for (ScoreDoc sd : td.scoreDocs) {
      LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, leaves));
      int doc = sd.doc - leaf.docBase;
      var reader = leaf.reader();
      String id = idLookup.id(leaves, sd.doc);
      var group = org.apache.lucene.index.DocValues.getSorted(reader, Fields.GROUP_DV);
      var press = org.apache.lucene.index.DocValues.getSorted(reader, Fields.PRESS_DV);
      var published = org.apache.lucene.index.DocValues.getNumeric(reader, Fields.PUBLISHED_DV);
      var sig = org.apache.lucene.index.DocValues.getBinary(reader, Fields.GROUP_SIGNATURE_DV);
      if (!sig.advanceExact(doc)) {
        continue;
      }
      BytesRef bytes = sig.binaryValue();
      Signature signature = Signature.fromBytes(java.util.Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length));
      out.add(new GroupMember(
          id,
          group.advanceExact(doc) ? group.lookupOrd(group.ordValue()).utf8ToString() : id,
          null,
          press.advanceExact(doc) ? press.lookupOrd(press.ordValue()).utf8ToString() : null,
          published.advanceExact(doc) ? Instant.ofEpochMilli(published.longValue()) : null,
          signature));
    }
    return out;
  }

  /** Adds one to the count of every live article in {@code postings}. */
  private static Map<Integer, Integer> count(
      org.apache.lucene.index.PostingsEnum postings, org.apache.lucene.util.Bits live, Map<Integer, Integer> counts) throws IOException {
    for (int d = postings.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
      if (live == null || live.get(d)) {
        if (counts == null) {
          counts = new HashMap<>();
        }
        counts.merge(d, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The stored fields a group member is read from; its signature comes from doc values. */
  private static final java.util.Set<String> MEMBER_FIELDS =
      java.util.Set.of(Fields.ID, Fields.GROUP, Fields.TITLE, Fields.PRESS, Fields.PUBLISHED);

  @Override
  public List<GroupMember> groupMembers(String groupId) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return members(s, groupId);
    } finally {
      searchers.release(s);
    }
  }

  /** Whether a page's marks are read from the postings directly (as by default) or by Lucene's highlighter; for tests. */
  void usePostingsMarks(boolean on) {
    highlights.usePostingsMarks(on);
  }

  /** Runs of a page's hits whose marks were read from the postings directly; for tests. */
  long postingsMarked() {
    return highlights.postingsMarked();
  }

  /** Whether group members are read from their cards (as by default) or from their stored fields; for tests. */
  void useMemberCards(boolean on) {
    memberCards = on;
  }

  /** Whether new articles get a {@link MemberCard}, as an index from before the cards lacks them; for tests. */
  void writeMemberCards(boolean on) {
    writeMemberCards = on;
  }

  private List<GroupMember> members(IndexSearcher s, String groupId) throws IOException {
    return memberCards ? membersFromCards(s, groupId) : membersFromStored(s, groupId);
  }

  /**
   * The members of a group from the group's postings and each member's doc values: its card (id
   * and headline), press, date and signature; a member without a card (added before the cards) is
   * read from its stored fields. In document order, as the stored way gives them.
   */
  private static List<GroupMember> membersFromCards(IndexSearcher s, String groupId) throws IOException {
    BytesRef term = new BytesRef(groupId);
    List<GroupMember> out = new ArrayList<>();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      org.apache.lucene.index.LeafReader reader = leaf.reader();
      org.apache.lucene.index.Terms terms = reader.terms(Fields.GROUP);
      if (terms == null) {
        continue;
      }
      org.apache.lucene.index.TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      org.apache.lucene.index.PostingsEnum docs = te.postings(null, org.apache.lucene.index.PostingsEnum.NONE);
      org.apache.lucene.util.Bits live = reader.getLiveDocs();
      org.apache.lucene.index.BinaryDocValues card = reader.getBinaryDocValues(Fields.MEMBER_CARD_DV);
      org.apache.lucene.index.BinaryDocValues sig = org.apache.lucene.index.DocValues.getBinary(reader, Fields.GROUP_SIGNATURE_DV);
      org.apache.lucene.index.SortedDocValues press = org.apache.lucene.index.DocValues.getSorted(reader, Fields.PRESS_DV);
      org.apache.lucene.index.NumericDocValues published = org.apache.lucene.index.DocValues.getNumeric(reader, Fields.PUBLISHED_DV);
      for (int doc = docs.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (card == null || !card.advanceExact(doc) || !sig.advanceExact(doc)) {
          out.add(member(s, leaf.docBase + doc));
          continue;
        }
        BytesRef c = card.binaryValue();
        MemberCard.Read read = MemberCard.decode(c.bytes, c.offset, c.length, "member card of document " + (leaf.docBase + doc));
        BytesRef b = sig.binaryValue();
        Signature signature = Signature.fromBytes(java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length));
        out.add(new GroupMember(
            read.id(), groupId, read.title(),
            press.advanceExact(doc) ? press.lookupOrd(press.ordValue()).utf8ToString() : null,
            published.advanceExact(doc) ? Instant.ofEpochMilli(published.longValue()) : null,
            signature));
      }
    }
    return out;
  }

  private static List<GroupMember> membersFromStored(IndexSearcher s, String groupId) throws IOException {
    Query q = new TermQuery(new Term(Fields.GROUP, groupId));
    int n = Math.max(1, s.count(q));
    TopDocs td = s.search(q, n);
    List<GroupMember> out = new ArrayList<>(td.scoreDocs.length);
    for (ScoreDoc sd : td.scoreDocs) {
      out.add(member(s, sd.doc));
    }
    return out;
  }

  /** A group member from its stored fields and its signature's doc values (the signature is stored once). */
  private static GroupMember member(IndexSearcher s, int globalDoc) throws IOException {
    Document d = StoredDocs.read(s.storedFields(), globalDoc, MEMBER_FIELDS);
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(globalDoc, leaves));
    var sig = org.apache.lucene.index.DocValues.getBinary(leaf.reader(), Fields.GROUP_SIGNATURE_DV);
    Signature signature;
    if (sig.advanceExact(globalDoc - leaf.docBase)) {
      BytesRef b = sig.binaryValue();
      signature = Signature.fromBytes(java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length));
    } else { // an index from before grouping: the article's own text
      Document text = StoredDocs.read(s.storedFields(), globalDoc, java.util.Set.of(Fields.TITLE, Fields.BODY));
      signature = Signature.of(text.get(Fields.BODY) == null ? text.get(Fields.TITLE) : text.get(Fields.TITLE) + "\n" + text.get(Fields.BODY));
    }
    String published = d.get(Fields.PUBLISHED);
    String id = d.get(Fields.ID);
    String group = d.get(Fields.GROUP);
    return new GroupMember(
        id, group == null ? id : group, d.get(Fields.TITLE), d.get(Fields.PRESS),
        published == null ? null : Instant.ofEpochMilli(Long.parseLong(published)), signature);
  }

  /** The summary of a group from its members, or of the article alone (an index from before grouping). */
  private GroupSummary summary(IndexSearcher s, String groupId, int representative) throws IOException {
    List<GroupMember> members = members(s, groupId);
    if (members.isEmpty()) {
      members = List.of(member(s, representative));
    }
    return GroupSummary.of(groupId, members, grouper.policy());
  }

  /** Runs {@code collector} over every article matching the request as {@link #search} would match it. */
  private void scanWith(SearchRequest r, org.apache.lucene.search.Collector collector) throws IOException {
    // the words are read before the searcher is (see Parts)
    Parts parts = parts(r);
    IndexSearcher shared = searchers.acquire();
    try {
      IndexSearcher s = new IndexSearcher(shared.getIndexReader());
      Plan plan = plan(s, parts);
      Query q = withGroup(filtered(plan.text(), plan.period(), plan.press()), r.group());
      s.search(q, collector);
    } finally {
      searchers.release(shared);
    }
  }

  @Override
  public void scanDates(SearchRequest r, java.util.function.LongConsumer visitor) throws IOException {
    // the dates alone, from the doc values: no stored fields, ids or strings per match
    scanWith(r, new org.apache.lucene.search.SimpleCollector() {
      private org.apache.lucene.index.NumericDocValues published;

      @Override
      protected void doSetNextReader(LeafReaderContext context) throws IOException {
        published = org.apache.lucene.index.DocValues.getNumeric(context.reader(), Fields.PUBLISHED_DV);
      }

      @Override
      public void collect(int doc) throws IOException {
        visitor.accept(published.advanceExact(doc) ? published.longValue() : UNDATED);
      }

      @Override
      public org.apache.lucene.search.ScoreMode scoreMode() {
        return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
      }
    });
  }

  @Override
  public void scan(SearchRequest r, boolean articles, Consumer<Match> visitor) throws IOException {
    scanWith(r, new org.apache.lucene.search.SimpleCollector() {
      private LeafReaderContext leaf;
      private StoredFields stored;
      private org.apache.lucene.index.NumericDocValues published;
      private org.apache.lucene.index.SortedDocValues pressDv;
      private org.apache.lucene.index.SortedDocValues groupDv;

      @Override
      protected void doSetNextReader(LeafReaderContext context) throws IOException {
        leaf = context;
        stored = context.reader().storedFields();
        published = org.apache.lucene.index.DocValues.getNumeric(context.reader(), Fields.PUBLISHED_DV);
        pressDv = org.apache.lucene.index.DocValues.getSorted(context.reader(), Fields.PRESS_DV);
        groupDv = org.apache.lucene.index.DocValues.getSorted(context.reader(), Fields.GROUP_DV);
      }

      @Override
      public void collect(int doc) throws IOException {
        if (articles) {
          Document d = StoredDocs.read(stored, doc);
          Article a = fromDocument(d);
          String g = d.get(Fields.GROUP);
          visitor.accept(new Match(a.id(), a.publishedAt(), a.press(), g == null ? a.id() : g, a));
          return;
        }
        Instant at = published.advanceExact(doc) ? Instant.ofEpochMilli(published.longValue()) : null;
        String p = pressDv.advanceExact(doc) ? pressDv.lookupOrd(pressDv.ordValue()).utf8ToString() : null;
        String g = groupDv.advanceExact(doc) ? groupDv.lookupOrd(groupDv.ordValue()).utf8ToString() : null;
        String id = idLookup.id(List.of(leaf), leaf.docBase + doc);
        visitor.accept(new Match(id, at, p, g == null ? id : g, null));
      }

      @Override
      public org.apache.lucene.search.ScoreMode scoreMode() {
        return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
      }
    });
  }

  private static Query withGroup(Query q, String group) {
    if (group == null) {
      return q;
    }
    return new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.GROUP, group)), BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * Re-analyses every article with the current analyzer and dictionary, e.g. after {@code sosik
   * dict add}. Reports progress through {@code progress} (articles done).
   */
  public long reindex(java.util.function.LongConsumer progress) throws IOException {
    IndexWriter w = writer();
    long[] done = {0};
    IOException[] failure = {null};
    // every article is rewritten with the current layout, band keys with their week among it
    boolean timedBefore = grouper.timedBands();
    grouper.timedBands(true);
    IndexSearcher s = searchers.acquire();
    try {
      forEachDocument(s, d -> {
        if (failure[0] != null) {
          return;
        }
        try {
          Article a = fromDocument(d);
          String group = d.get(Fields.GROUP);
          // an index from before grouping gets its groups now; a grouped one keeps them
          GroupMember placed = group == null
              ? grouper.place(a, (keys, limit) -> candidates(s, keys, limit))
              : GroupMember.of(a, group, Signature.of(a));
          w.updateDocument(new Term(Fields.ID, a.id()), toDocument(a, contentHash(a), placed));
          if (++done[0] % 1000 == 0) {
            progress.accept(done[0]);
          }
        } catch (IOException e) {
          failure[0] = e;
        }
      });
    } finally {
      searchers.release(s);
    }
    if (failure[0] != null) {
      w.rollback();
      grouper.timedBands(timedBefore);
      throw failure[0];
    }
    commit();
    // every article was rewritten: the index now has the current format
    new IndexMetadata(IndexMetadata.FORMAT_VERSION, KoreanNewsAnalyzer.VERSION, dictionary.fingerprint(), Instant.now().toString())
        .write(dir);
    formatVersion = IndexMetadata.FORMAT_VERSION;
    queries.leadField(LEAD_FIELD);
    pairPhrases = PAIR_FIELDS;
    progress.accept(done[0]);
    return done[0];
  }

  @Override
  public void close() throws IOException {
    Thread t = reanalyser;
    if (t != null) {
      t.interrupt();
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeNow();
  }

  private synchronized void closeNow() throws IOException {
    synchronized (searchPoolLock) {
      searchPoolClosed = true;
      if (searchPool != null) {
        // running searches finish their slices; the idle threads end
        searchPool.shutdown();
      }
    }
    try {
      searchers.close();
    } finally {
      try {
        if (writer != null) {
          // uncommitted writes are dropped: only what commit() acknowledged is kept
          writer.rollback();
        }
      } finally {
        directory.close();
      }
    }
  }

  /** There is no Sosik index at the directory. */
  public static final class NoIndexException extends IOException {
    public NoIndexException(Path dir) {
      super("no Sosik index at " + dir + " (create one with 'sosik index --index " + dir + " FILE...')");
    }
  }
}

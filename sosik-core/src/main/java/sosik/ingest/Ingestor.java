package sosik.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import sosik.article.Article;
import sosik.index.NewsIndex;

/**
 * Takes news in: reads sources (files, directories, http(s) URLs), validates and normalises each article, writes it to the index
 * (one id, one article: the same article again updates it), and commits. Counts every outcome; a
 * bad record or file is reported and skipped, the rest of the batch goes on.
 */
public final class Ingestor {
  /** Told about progress and about each rejection as they happen. */
  public interface Listener {
    default void progress(IngestReport report, String currentSource) {}

    default void rejected(Rejection r) {}

    /**
     * A commit before the end of the run made {@code committed} articles (added, updated and
     * unchanged so far) durable: they survive the process being killed from here on.
     */
    default void committed(IngestReport report, long committed) {}
  }

  /** Articles written per index call. */
  static final int BATCH = 500;
  /** By default a commit at least this often, so a crash loses little. */
  public static final int DEFAULT_COMMIT_EVERY = 50_000;

  private final NewsIndex index;
  private final ArticleNormalizer normalizer;
  private final Listener listener;
  private final IngestReport report = new IngestReport();
  private HttpFetcher fetcher;
  private Charset encoding;
  private Instant now;
  private int commitEvery = DEFAULT_COMMIT_EVERY;
  private int threads = 1;
  private Writers writers; // when threads > 1, made with the first article
  private final List<Article> batch = new ArrayList<>();
  // outcomes written but not yet committed
  private long pendingAdded;
  private long pendingUpdated;
  private long pendingUnchanged;
  private long sinceCommit;

  public Ingestor(NewsIndex index, ArticleNormalizer normalizer, Listener listener) {
    this(index, normalizer, listener, null);
  }

  /**
   * An ingestor that fetches URLs with {@code fetcher}; null makes one with {@link
   * HttpFetcher.Options#defaults()} when a URL first comes.
   */
  public Ingestor(NewsIndex index, ArticleNormalizer normalizer, Listener listener, HttpFetcher fetcher) {
    this.index = index;
    this.normalizer = normalizer;
    this.listener = listener == null ? new Listener() {} : listener;
    this.fetcher = fetcher;
  }

  /**
   * Reads every source in {@code charset} whatever it declares or looks like ({@code --encoding});
   * null (the default) finds each source's encoding (see {@link TextEncoding}).
   */
  public Ingestor encoding(Charset charset) {
    this.encoding = charset;
    return this;
  }

  /**
   * Commits after every {@code articles} articles written (and at the end), so that a crash or a
   * kill loses at most that many; smaller is safer and slower ({@code --commit-every}).
   */
  public Ingestor commitEvery(int articles) {
    if (articles < 1) {
      throw new IllegalArgumentException("--commit-every must be at least 1, was " + articles);
    }
    this.commitEvery = articles;
    return this;
  }

  /**
   * Writes (and so analyses) articles on {@code n} threads ({@code --threads}); reading and
   * normalising stay on the caller's. Outcomes are counted as with one thread, and a commit waits
   * for every write before it.
   */
  public Ingestor threads(int n) {
    if (n < 1 || n > 64) {
      throw new IllegalArgumentException("--threads must be between 1 and 64, was " + n);
    }
    this.threads = n;
    return this;
  }

  /**
   * The time relative dates ({@code 3시간 전}, {@code 20일}) are read against, for every source
   * ({@code --now}); null (the default) takes a file's modification time, and the time of reading
   * for a URL or a stream.
   */
  public Ingestor now(Instant reference) {
    this.now = reference;
    return this;
  }

  /**
   * Ingests files, directories and http(s) URLs, in order. A URL is fetched (see {@link
   * HttpFetcher}) and read as its {@code Content-Type} says (XML, RSS, Atom: {@code feed}; HTML:
   * {@code html}), else as its path's extension says, else as its content looks; {@code format}
   * forces a reader. A URL that cannot be fetched, or whose content is neither, is rejected
   * naming the URL and the problem, like a missing file, and the rest goes on.
   */
  public IngestReport ingestSources(List<String> sources, String format) throws IOException {
    ArticleReader forced = format == null ? null : Formats.byName(format);
    for (String s : sources) {
      if (HTTP_URL.matcher(s).lookingAt()) {
        ingestUrl(s, forced);
      } else if (OTHER_SCHEME.matcher(s).lookingAt()) {
        report.files++;
        reject(new Rejection(s, 0, "only http and https URLs are fetched"), true);
      } else {
        Path p;
        try {
          p = Path.of(s);
        } catch (InvalidPathException e) {
          report.files++;
          reject(new Rejection(s, 0, "not a valid path: " + e.getReason()), true);
          continue;
        }
        ingestPath(p, forced);
      }
    }
    finish();
    return report;
  }

  private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://");
  private static final Pattern OTHER_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

  private void ingestUrl(String url, ArticleReader forced) throws IOException {
    report.files++;
    listener.progress(report, url);
    URI uri;
    try {
      uri = new URI(url.strip());
      if (uri.getHost() == null) {
        throw new URISyntaxException(url, "no host");
      }
    } catch (URISyntaxException e) {
      reject(new Rejection(url, 0, "not a valid URL: " + e.getReason()), true);
      return;
    }
    HttpFetcher.Response response;
    try {
      response = fetcher().fetch(uri);
    } catch (FetchException e) {
      reject(new Rejection(url, 0, e.problem()), true);
      return;
    }
    byte[] body = response.body();
    if (body.length == 0) {
      reject(new Rejection(url, 0, "the response is empty"), true);
      return;
    }
    ArticleReader reader = forced != null ? forced : Formats.forResponse(response);
    if (reader == null) {
      String type = response.contentType();
      reject(new Rejection(url, 0, "not a feed or an article page: "
          + (type == null ? "no Content-Type" : "Content-Type '" + type + "'")
          + (Formats.isGenericMediaType(type) ? ", and neither the address nor the content says which format it is" : "")), true);
      return;
    }
    report.bytes += body.length;
    long before = report.read + report.rejected;
    if (!ingestBytes(new ByteSource(url, new ByteArrayInputStream(body), response.charset(), response.uri()), reader, null)) {
      return;
    }
    if (report.read + report.rejected == before) {
      reject(new Rejection(url, 0, "no articles found at the URL (format " + reader.name() + ")"), true);
    }
  }

  private HttpFetcher fetcher() {
    if (fetcher == null) {
      fetcher = new HttpFetcher();
    }
    return fetcher;
  }

  /**
   * Ingests files and directories (walked recursively for known extensions). {@code format} forces
   * a reader; null picks one by file name.
   */
  public IngestReport ingestPaths(List<Path> paths, String format) throws IOException {
    ArticleReader forced = format == null ? null : Formats.byName(format);
    for (Path p : paths) {
      ingestPath(p, forced);
    }
    finish();
    return report;
  }

  private void ingestPath(Path p, ArticleReader forced) throws IOException {
    if (!Files.exists(p)) {
      report.files++; // counted like any file given, so that filesRejected <= files
      reject(new Rejection(p.toString(), 0, "no such file or directory"), true);
      return;
    }
    if (Files.isDirectory(p)) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(p)) {
        files = s.filter(Files::isRegularFile)
            .filter(f -> !f.getFileName().toString().startsWith("."))
            .filter(f -> forced != null ? forced.reads(f) : Formats.forFile(f) != null)
            .sorted()
            .toList();
      }
      if (files.isEmpty()) {
        report.files++;
        List<String> ext = Formats.extensions();
        reject(new Rejection(p.toString(), 0, forced != null
            ? "directory holds no files of format " + forced.name()
            : "directory holds no " + String.join(", ", ext.subList(0, ext.size() - 1)) + " or "
                + ext.get(ext.size() - 1) + " files"), true);
      }
      for (Path f : files) {
        ingestFile(f, forced);
      }
    } else {
      ingestFile(p, forced);
    }
  }

  private void ingestFile(Path file, ArticleReader forced) throws IOException {
    String name = file.toString();
    ArticleReader reader = forced != null ? forced : Formats.forFile(file);
    report.files++;
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      reject(new Rejection(name, 0, "no such file"), true);
      return;
    }
    if (size == 0) {
      reject(new Rejection(name, 0, "file is empty"), true);
      return;
    }
    if (!Files.isReadable(file)) {
      reject(new Rejection(name, 0, "file is not readable (permissions)"), true);
      return;
    }
    if (reader == null) {
      reader = sniff(file);
      if (reader == null) {
        reject(new Rejection(name, 0, "cannot tell the format from the name or content; give --format "
            + String.join("|", Formats.names())), true);
        return;
      }
    }
    report.bytes += size;
    long before = report.read + report.rejected;
    // Lines whose bytes are neither UTF-8 nor CP949 (or not the encoding forced or declared) hold
    // U+FFFD, and the article holding one is rejected with its own line and byte offset: the good
    // articles around it are still indexed.
    try (InputStream in = Files.newInputStream(file)) {
      if (!ingestBytes(ByteSource.ofFile(name, in), reader, Files.getLastModifiedTime(file).toInstant())) {
        return;
      }
    }
    if (report.read + report.rejected == before) {
      reject(new Rejection(name, 0, "no articles found in the file (format " + reader.name() + ")"), true);
    }
  }

  private static ArticleReader sniff(Path file) throws IOException {
    byte[] head = new byte[8192];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    return Formats.sniff(head, n);
  }

  /**
   * Ingests one already-open source given as bytes (a file, an HTTP body). The encoding is the
   * one {@link #encoding(Charset)} forces, else the one the source declares, else found from the
   * bytes (see {@link TextEncoding}); a source that is neither UTF-8 nor CP949 is rejected whole,
   * naming the byte offset where decoding fails.
   */
  public void ingest(ByteSource source, ArticleReader reader) throws IOException {
    ingestBytes(source, reader, null);
  }

  /** False when the source was rejected whole (its bytes are no text Sosik can decode). */
  private boolean ingestBytes(ByteSource source, ArticleReader reader, Instant modified) throws IOException {
    Instant reference = now != null ? now : modified != null ? modified : Instant.now();
    Charset charset = encoding != null ? encoding : source.charset();
    InputStream bytes = source.bytes();
    try {
      if (reader.readsBytes()) {
        if (charset == null && !reader.binary()) {
          BufferedInputStream b = new BufferedInputStream(bytes, TextEncoding.HEAD);
          byte[] head = head(b);
          bytes = b;
          try {
            charset = TextEncoding.forMarkup(head, head.length, head.length < TextEncoding.HEAD);
          } catch (IllegalArgumentException e) {
            reject(new Rejection(source.name(), 0, e.getMessage() + "; give --encoding NAME if you know it"), true);
            return false;
          }
        }
        reader.read(new ByteSource(source.name(), bytes, charset, source.location()), sinkFor(source.name(), null, charset, reference));
      } else {
        Reader text;
        LineDecoder lines = null;
        if (charset == null) {
          BufferedInputStream b = new BufferedInputStream(bytes, TextEncoding.HEAD);
          byte[] head = head(b);
          charset = TextEncoding.bom(head, head.length);
          if (charset == null) {
            String problem = TextEncoding.undecodableHead(head, head.length, head.length < TextEncoding.HEAD);
            if (problem != null) {
              reject(new Rejection(source.name(), 0, problem + "; give --encoding NAME if you know it"), true);
              return false;
            }
            text = lines = new LineDecoder(b);
          } else {
            text = new InputStreamReader(b, replacing(charset));
          }
        } else {
          text = new InputStreamReader(bytes, replacing(charset));
        }
        reader.read(source.name(), new BufferedReader(text, 1 << 16), sinkFor(source.name(), lines, charset, reference));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    listener.progress(report, source.name());
    return true;
  }

  private static byte[] head(BufferedInputStream in) throws IOException {
    in.mark(TextEncoding.HEAD);
    byte[] head = in.readNBytes(TextEncoding.HEAD);
    in.reset();
    return head;
  }

  private static CharsetDecoder replacing(Charset charset) {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  /**
   * Ingests one article a caller read itself (an item a feed poller kept), as a reader's would be:
   * validated, normalised, written with the next batch; rejected naming {@code source} and {@code
   * line} when it is not valid.
   */
  public void ingest(String source, ArticleDraft draft, int line) throws IOException {
    try {
      sinkFor(source, null, null, now != null ? now : Instant.now()).article(draft, line);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Ingests one already-open text source (standard input, a string). */
  public void ingest(String source, BufferedReader in, ArticleReader reader) throws IOException {
    try {
      reader.read(source, in, sinkFor(source, null, null, now != null ? now : Instant.now()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    listener.progress(report, source);
  }

  /**
   * The sink for one source; {@code lines} (null unless decoded line by line) tells where bytes
   * broke, {@code charset} is the encoding read (null: UTF-8 or what the document declared).
   */
  private ReadSink sinkFor(String source, LineDecoder lines, Charset charset, Instant reference) {
    return new ReadSink() {
      @Override
      public void article(ArticleDraft draft, int line) {
        if (undecodable(draft)) {
          String where = lines == null ? null : lines.problemFrom(line);
          Ingestor.this.reject(new Rejection(source, line, where != null
              ? where + "; give --encoding NAME if the file is in another encoding"
              : "text does not decode as " + (charset == null ? "UTF-8" : charset.name())
                  + " (it holds bytes that became U+FFFD); give --encoding NAME if the file is in another encoding"), false);
          return;
        }
        Article a;
        try {
          a = normalizer.normalize(draft, reference);
        } catch (IllegalArgumentException e) {
          Ingestor.this.reject(new Rejection(source, line, e.getMessage()), false);
          return;
        }
        report.read++;
        try {
          add(a);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (report.read % 1000 == 0) {
          listener.progress(report, source);
        }
      }

      @Override
      public void reject(int line, String problem) {
        Ingestor.this.reject(new Rejection(source, line, problem), false);
      }
    };
  }

  private static boolean undecodable(ArticleDraft d) {
    return has(d.title()) || has(d.body()) || has(d.press()) || has(d.dateline()) || has(d.url())
        || d.reporters().stream().anyMatch(Ingestor::has);
  }

  private static boolean has(String s) {
    return s != null && s.indexOf('\uFFFD') >= 0;
  }

  private void reject(Rejection r, boolean wholeFile) {
    report.reject(r, wholeFile);
    listener.rejected(r);
  }

  private void add(Article a) throws IOException {
    if (threads > 1) {
      if (writers == null) {
        writers = new Writers(threads);
      }
      writers.add(a);
    } else {
      batch.add(a);
      if (batch.size() >= batchSize()) {
        writeBatch();
      }
    }
    if (sinceCommit >= commitEvery) {
      commit();
      listener.committed(report, report.added + report.updated + report.unchanged);
    }
  }

  private int batchSize() {
    return Math.min(BATCH, commitEvery);
  }

  private void writeBatch() throws IOException {
    count(index.upsert(batch));
    sinceCommit += batch.size();
    batch.clear();
  }

  private synchronized void count(List<NewsIndex.Outcome> outcomes) {
    for (NewsIndex.Outcome o : outcomes) {
      switch (o) {
        case ADDED -> pendingAdded++;
        case UPDATED -> pendingUpdated++;
        case UNCHANGED -> pendingUnchanged++;
      }
    }
  }

  /** Writes everything read so far, waits for it, commits, and only then counts it. */
  private void commit() throws IOException {
    if (writers != null) {
      writers.drain();
    } else if (!batch.isEmpty()) {
      writeBatch();
    }
    index.commit();
    synchronized (this) {
      report.added += pendingAdded;
      report.updated += pendingUpdated;
      report.unchanged += pendingUnchanged;
      pendingAdded = pendingUpdated = pendingUnchanged = 0;
    }
    sinceCommit = 0;
  }

  /** Writes what is left and commits; the report then counts only committed articles. */
  public IngestReport finish() throws IOException {
    try {
      commit();
    } finally {
      if (writers != null) {
        writers.close();
        writers = null;
      }
    }
    report.endNanos = System.nanoTime();
    return report;
  }

  /**
   * Writers on several threads, so that analysis (most of the work of indexing) runs in parallel.
   * An article goes to the thread its id picks, so the versions of one article are written in the
   * order they were read and the last one wins, as with one thread. At most two batches a thread
   * wait, so reading never runs far ahead of writing.
   */
  private final class Writers {
    private final ExecutorService[] pool;
    private final List<List<Article>> parts = new ArrayList<>();
    private final Semaphore slots;
    private final List<Future<?>> inFlight = new ArrayList<>();

    Writers(int n) {
      pool = new ExecutorService[n];
      for (int i = 0; i < n; i++) {
        int k = i;
        pool[i] = Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "sosik-index-" + k);
          t.setDaemon(true);
          return t;
        });
        parts.add(new ArrayList<>());
      }
      slots = new Semaphore(2 * n);
    }

    void add(Article a) throws IOException {
      int w = Math.floorMod(a.id().hashCode(), pool.length);
      List<Article> part = parts.get(w);
      part.add(a);
      if (part.size() >= batchSize()) {
        submit(w);
      }
    }

    private void submit(int w) throws IOException {
      List<Article> b = List.copyOf(parts.get(w));
      parts.get(w).clear();
      if (b.isEmpty()) {
        return;
      }
      slots.acquireUninterruptibly();
      try {
        inFlight.add(pool[w].submit(() -> {
          try {
            count(index.upsert(b));
            return null;
          } finally {
            slots.release();
          }
        }));
      } catch (RuntimeException e) {
        slots.release();
        throw e;
      }
      sinceCommit += b.size();
      reap(false);
    }

    /** Hands every part over and waits until all is written. */
    void drain() throws IOException {
      for (int w = 0; w < pool.length; w++) {
        submit(w);
      }
      reap(true);
    }

    /** Collects finished writes (all of them when {@code wait}), throwing the first failure. */
    private void reap(boolean wait) throws IOException {
      for (Iterator<Future<?>> it = inFlight.iterator(); it.hasNext(); ) {
        Future<?> f = it.next();
        if (!wait && !f.isDone()) {
          continue;
        }
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while writing to the index");
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IOException(e.getCause());
        }
        it.remove();
      }
    }

    void close() {
      for (ExecutorService e : pool) {
        e.shutdownNow();
      }
    }
  }

  public IngestReport report() {
    return report;
  }
}

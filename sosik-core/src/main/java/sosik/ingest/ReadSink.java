package sosik.ingest;

/** Where a reader sends what it reads, one call per article or per rejected record. */
public interface ReadSink {
  /** An article that starts at {@code line} (1-based) of the source. */
  void article(ArticleDraft draft, int line);

  /** A record at {@code line} that cannot be read; {@code problem} says why. */
  void reject(int line, String problem);
}

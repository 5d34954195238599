package sosik.ingest;

/** Where a reader sends what it reads, one call per article or per rejected record. */
public interface ReadSink {
  /**
   * An article that starts at {@code line} (1-based) of the source; 0 when the whole source is the
   * one article (an article page).
   */
  void article(ArticleDraft draft, int line);

  /**
   * A record at {@code line} that cannot be read; {@code problem} says why. Line 0 is the whole
   * source (a page that is not HTML); a source that cannot be read on from some line on (XML that
   * is not well-formed) is rejected at that line.
   */
  void reject(int line, String problem);
}

package sosik.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import sosik.article.Article;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/**
 * The one index interface: the embedded Lucene index and an OpenSearch cluster both implement it,
 * and one contract test suite holds them to the same behaviour.
 */
public interface NewsIndex extends Closeable {
  /** What happened to one article in {@link #upsert}. */
  enum Outcome {
    ADDED,
    UPDATED,
    /** The same id with the same content was already there: nothing written. */
    UNCHANGED
  }

  /**
   * Adds or replaces articles by id. Not durable until {@link #commit()} returns.
   *
   * @return one outcome per article, in order
   */
  List<Outcome> upsert(List<Article> articles) throws IOException;

  /** Makes every earlier write durable and visible to searches. */
  void commit() throws IOException;

  /** Deletes an article; false when there was none with that id. Durable after {@link #commit()}. */
  boolean delete(String id) throws IOException;

  Optional<Article> get(String id) throws IOException;

  SearchPage search(SearchRequest request) throws IOException;

  IndexStats stats() throws IOException;

  /** Visits every article (in no particular order), e.g. to reindex or export. */
  void forEach(Consumer<Article> visitor) throws IOException;
}

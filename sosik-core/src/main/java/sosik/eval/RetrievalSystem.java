package sosik.eval;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Something that answers a query with a ranked list of document ids: Sosik or a baseline. */
public interface RetrievalSystem extends Closeable {
  /** The backend's name as {@code sosik eval --backend} takes it. */
  String name();

  /** The top {@code k} document ids for {@code query}, best first. */
  Result search(String query, int k) throws IOException;

  /**
   * A ranked answer.
   *
   * @param ids     document ids (the corpus's own), best first
   * @param relaxed whether Sosik answered in its relaxed long-query mode (always false for baselines)
   * @param failed  the query could not be run (e.g. Sosik refused it as too long); {@code ids} is empty
   */
  record Result(List<String> ids, boolean relaxed, boolean failed) {
    public Result {
      ids = List.copyOf(ids);
    }

    public static Result of(List<String> ids) {
      return new Result(ids, false, false);
    }
  }

  @Override
  default void close() throws IOException {}
}

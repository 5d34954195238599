package sosik.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sosik.article.Article;
import sosik.index.lucene.LongQueryPolicy;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.search.InvalidQueryException;
import sosik.search.SearchRequest;

/**
 * Sosik as a retrieval system: its embedded {@link LuceneNewsIndex} and the search path every user
 * query takes (the portal syntax, all words or relaxed, BM25 with headlines ×2), through {@link
 * LuceneNewsIndex#rank}, which picks results exactly as {@code search} does without making
 * snippets. At most {@link SearchRequest#MAX_SIZE} results a query, the largest page there is.
 */
public final class SosikSystem implements RetrievalSystem {
  private final LuceneNewsIndex index;
  private final Map<String, String> evalIds = new HashMap<>();

  private SosikSystem(LuceneNewsIndex index) throws IOException {
    this.index = index;
    index.forEach(a -> evalIds.put(a.id(), EvalFiles.evalId(a)));
  }

  /** Indexes the documents into a new (or empty) index at {@code dir}. */
  public static SosikSystem build(Path dir, List<EvalDoc> docs) throws IOException {
    LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    try {
      List<Article> batch = new ArrayList<>();
      for (EvalDoc d : docs) {
        batch.add(d.article());
        if (batch.size() == 500) {
          idx.upsert(batch);
          batch.clear();
        }
      }
      idx.upsert(batch);
      idx.commit();
      return new SosikSystem(idx);
    } catch (IOException | RuntimeException e) {
      idx.close();
      throw e;
    }
  }

  /** The index already at {@code dir}, searched as it is. */
  public static SosikSystem open(Path dir) throws IOException {
    return new SosikSystem(LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.READ_ONLY));
  }

  public LuceneNewsIndex index() {
    return index;
  }

  /**
   * The freshness preference of this run's searches: off unless set, so that an evaluation ranks
   * by the text alone and gives the same figures whatever the date (set it with a fixed {@code now}
   * to measure the preference).
   */
  private sosik.search.Freshness freshness = sosik.search.Freshness.OFF;

  public void freshness(sosik.search.Freshness f) {
    this.freshness = f;
  }

  /** How this run answers long queries (the index's default unless set). */
  public void longQueries(LongQueryPolicy policy) {
    index.longQueries(policy);
  }

  /** Articles in the index. */
  public int size() {
    return evalIds.size();
  }

  @Override
  public String name() {
    return "sosik";
  }

  @Override
  public Result search(String query, int k) throws IOException {
    SearchRequest r;
    LuceneNewsIndex.Ranking ranking;
    try {
      r = SearchRequest.of(query).withPage(1, Math.min(k, SearchRequest.MAX_SIZE)).withFreshness(freshness);
      ranking = index.rank(r);
    } catch (InvalidQueryException e) {
      return new Result(List.of(), false, true);
    }
    List<String> ids = new ArrayList<>(ranking.ids().size());
    for (String id : ranking.ids()) {
      ids.add(evalIds.getOrDefault(id, id));
    }
    return new Result(ids, ranking.relaxed(), false);
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}

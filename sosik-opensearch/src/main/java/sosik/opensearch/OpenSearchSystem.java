package sosik.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sosik.article.Article;
import sosik.eval.EvalDoc;
import sosik.eval.EvalFiles;
import sosik.eval.RetrievalSystem;
import sosik.index.lucene.LongQueryPolicy;
import sosik.search.InvalidQueryException;
import sosik.search.SearchPage;
import sosik.search.SearchRequest;

/** Sosik's search on an OpenSearch index, for {@code sosik eval}: the same answers as the embedded index. */
public final class OpenSearchSystem implements RetrievalSystem {
  private final OpenSearchNewsIndex index;
  private final Map<String, String> evalIds = new HashMap<>();

  private OpenSearchSystem(OpenSearchNewsIndex index) throws IOException {
    this.index = index;
    index.forEach(a -> evalIds.put(a.id(), EvalFiles.evalId(a)));
  }

  /** Indexes the documents into the index {@code name}, dropped first when it exists. */
  public static OpenSearchSystem build(String urls, String name, List<EvalDoc> docs) throws IOException {
    OpenSearchClient client = new OpenSearchClient(urls, OpenSearchClient.DEFAULT_TIMEOUT);
    OpenSearchNewsIndex.drop(client, name);
    OpenSearchNewsIndex idx = OpenSearchNewsIndex.open(client, name, true, List.of());
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
    return new OpenSearchSystem(idx);
  }

  /** The index {@code name} as it is. */
  public static OpenSearchSystem open(String urls, String name) throws IOException {
    return new OpenSearchSystem(OpenSearchNewsIndex.open(urls, name, false, List.of()));
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

  public void longQueries(LongQueryPolicy policy) {
    index.longQueries(policy);
  }

  @Override
  public String name() {
    return "sosik";
  }

  @Override
  public Result search(String query, int k) throws IOException {
    SearchPage page;
    try {
      page = index.search(SearchRequest.of(query).withPage(1, Math.min(k, SearchRequest.MAX_SIZE)).withFreshness(freshness));
    } catch (InvalidQueryException e) {
      return new Result(List.of(), false, true);
    }
    List<String> ids = new ArrayList<>(page.hits().size());
    for (SearchPage.Hit h : page.hits()) {
      ids.add(evalIds.getOrDefault(h.id(), h.id()));
    }
    return new Result(ids, page.relaxed(), false);
  }

  @Override
  public void close() {
    index.close();
  }
}

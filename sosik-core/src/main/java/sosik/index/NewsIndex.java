package sosik.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.time.Instant;
import sosik.article.Article;
import sosik.group.GroupMember;
import sosik.group.GroupPolicy;
import sosik.group.GroupSummary;
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

  /**
   * Writes what is pending, then merges the index into at most {@code maxSegments} segments, for
   * an archive that is searched far more than it is written: each search visits every segment, so
   * fewer answer faster, and merged segments take less disk. Takes minutes on a large index;
   * articles written afterwards start new segments.
   *
   * @throws IllegalArgumentException when {@code maxSegments} is below 1
   */
  default void optimize(int maxSegments) throws IOException {
    throw new UnsupportedOperationException("this index cannot be optimized");
  }

  /** The message for a segment count below 1. */
  static void checkSegments(int maxSegments) {
    if (maxSegments < 1) {
      throw new IllegalArgumentException("segments " + maxSegments + ": an index is merged into at least 1 segment");
    }
  }

  /** Visits every article (in no particular order), e.g. to reindex or export. */
  void forEach(Consumer<Article> visitor) throws IOException;

  /** Visits every article's headline (in no particular order), e.g. for the search box's words. */
  default void forEachTitle(Consumer<String> visitor) throws IOException {
    forEach(a -> visitor.accept(a.title()));
  }

  // ---- related coverage (sosik.group) ----
  //
  // upsert places every new or changed article with a sosik.group.Grouper and stores, beside the
  // article, its group id (a keyword), its band keys (keywords) and its signature (stored bytes).
  // The primitives below are term queries on those fields; a grouped search collapses on the group
  // id (Lucene: doc values; OpenSearch: collapse, and a composite aggregation for the exact group count).

  /**
   * Committed articles holding at least {@link sosik.group.Signature#MIN_SHARED_BANDS} of the band
   * keys, most keys shared first, at most {@code limit}.
   */
  default List<GroupMember> groupCandidates(List<String> bandKeys, int limit) throws IOException {
    throw new UnsupportedOperationException("this index does not group related coverage");
  }

  /** Every committed member of a group (empty when there is no such group). */
  default List<GroupMember> groupMembers(String groupId) throws IOException {
    throw new UnsupportedOperationException("this index does not group related coverage");
  }

  /** How this index groups. */
  default GroupPolicy groupPolicy() {
    return GroupPolicy.DEFAULT;
  }

  /** A group with its first report, wire original and reprints; empty when there is no such group. */
  default Optional<GroupSummary> group(String groupId) throws IOException {
    List<GroupMember> members = groupMembers(groupId);
    return members.isEmpty() ? Optional.empty() : Optional.of(GroupSummary.of(groupId, members, groupPolicy()));
  }

  /**
   * One matching article as {@link #scan} gives it.
   *
   * @param id          the article's id
   * @param publishedAt publication instant, or null
   * @param press       press, or null
   * @param groupId     its group
   * @param article     the whole article, or null when the scan did not ask for it
   */
  record Match(String id, Instant publishedAt, String press, String groupId, Article article) {}

  /**
   * Visits every article matching the request (query, press, period and group; paging, sort and
   * grouping ignored) one at a time, in no particular order, without holding them all: for exports
   * and counts over time. {@code articles} false leaves {@link Match#article()} null, which is
   * much cheaper.
   */
  default void scan(SearchRequest request, boolean articles, Consumer<Match> visitor) throws IOException {
    throw new UnsupportedOperationException("this index cannot scan matches");
  }

  /** What {@link #scanDates} gives for an article without a date. */
  long UNDATED = Long.MIN_VALUE;

  /**
   * Visits the publication instant (epoch milliseconds, {@link #UNDATED} when it has none) of every
   * article matching the request, as {@link #scan} would visit the articles: what a count over time
   * needs, without ids, presses or groups.
   */
  default void scanDates(SearchRequest request, java.util.function.LongConsumer visitor) throws IOException {
    scan(request, false, m -> visitor.accept(m.publishedAt() == null ? UNDATED : m.publishedAt().toEpochMilli()));
  }

  /**
   * The articles matching the request per Korea-time day, and those without a date: a chart's
   * counts. By default counted from {@link #scanDates}; a backend that can count on its side
   * answers without sending every match.
   */
  default sosik.search.DayCounts countByDay(SearchRequest request) throws IOException {
    return sosik.search.DayCounts.of(v -> scanDates(request, v));
  }
}

package sosik.index;

import java.time.Instant;
import java.util.Map;

/**
 * What an index holds.
 *
 * @param articles    number of articles
 * @param pressCounts articles per press, largest first
 * @param earliest    earliest publication instant, or null
 * @param latest      latest publication instant, or null
 * @param undated     articles without a publication time
 * @param sizeBytes   bytes on disk
 * @param location    where the index lives (a directory or a URL)
 * @param segments    the pieces the index is written in (Lucene segments; on OpenSearch, those of
 *                    its primary shards): each search visits every one, so fewer answer faster
 *                    ({@link NewsIndex#optimize}); -1 when unknown
 * @param layout      the layout the index's articles are written in (the embedded index's format
 *                    version, docs/OPERATIONS.md); -1 where the backend has none
 * @param currentLayout the layout this release writes; an index below it keeps working and moves
 *                    to it when reindexed; -1 where the backend has none
 */
public record IndexStats(
    long articles, Map<String, Long> pressCounts, Instant earliest, Instant latest, long undated, long sizeBytes, String location,
    int segments, int layout, int currentLayout) {
  /** Whether reindexing would move the index to a later layout. */
  public boolean layoutBehind() {
    return layout >= 0 && layout < currentLayout;
  }
}

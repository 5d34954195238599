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
 */
public record IndexStats(
    long articles, Map<String, Long> pressCounts, Instant earliest, Instant latest, long undated, long sizeBytes, String location,
    int segments) {}

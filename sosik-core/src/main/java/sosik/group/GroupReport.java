package sosik.group;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import sosik.index.NewsIndex;
import sosik.search.SearchRequest;

/**
 * The groups of a whole index: how many, how large, and a random sample of the groups with more
 * than one member, to read and judge.
 *
 * @param articles     articles in the index
 * @param groups       groups (an article alone counts as one)
 * @param sizes        group size → how many groups have it
 * @param inGroups     articles in groups of two or more
 * @param sample       the sampled groups, each with all its members
 */
public record GroupReport(long articles, long groups, Map<Integer, Long> sizes, long inGroups, List<GroupSummary> sample) {
  public static GroupReport of(NewsIndex index, int sampleSize, long seed) throws IOException {
    Map<String, Integer> sizeOf = new HashMap<>();
    long[] articles = {0};
    index.scan(SearchRequest.of(""), false, m -> {
      articles[0]++;
      sizeOf.merge(m.groupId(), 1, Integer::sum);
    });
    Map<Integer, Long> sizes = new TreeMap<>();
    long inGroups = 0;
    List<String> multi = new ArrayList<>();
    for (Map.Entry<String, Integer> e : sizeOf.entrySet()) {
      sizes.merge(e.getValue(), 1L, Long::sum);
      if (e.getValue() > 1) {
        inGroups += e.getValue();
        multi.add(e.getKey());
      }
    }
    multi.sort(Comparator.naturalOrder());
    java.util.Collections.shuffle(multi, new Random(seed));
    List<GroupSummary> sample = new ArrayList<>();
    for (String g : multi.subList(0, Math.min(sampleSize, multi.size()))) {
      index.group(g).ifPresent(sample::add);
    }
    return new GroupReport(articles[0], sizeOf.size(), sizes, inGroups, sample);
  }
}

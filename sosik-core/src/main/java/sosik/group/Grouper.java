package sosik.group;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sosik.article.Article;

/**
 * Puts each arriving article in a group: the group of the most similar earlier article within the
 * time window (see {@link GroupPolicy}), else a new group of its own, named by the article's id.
 *
 * <p>Groups are kept as articles arrive, never recomputed: the group id is stored with the article
 * and a later article joins by finding candidates through its band keys ({@link Signature}). Groups
 * never merge: an article similar to two groups joins the one it is most similar to, so a bridging
 * article cannot chain two stories into one. An article that is updated is placed again (its
 * earlier self is not a candidate); a deleted one simply leaves its group.
 *
 * <p>The index supplies the committed articles ({@link Candidates}); the grouper remembers what it
 * placed since the last commit, so articles of one batch, or of batches not yet committed, find
 * each other too. One grouper serves one index writer; it is not thread-safe.
 */
public final class Grouper {
  /** Committed articles sharing band keys, most shared keys first. */
  @FunctionalInterface
  public interface Candidates {
    List<GroupMember> find(List<String> bandKeys, int limit) throws IOException;
  }

  private final GroupPolicy policy;
  /** Placed since the last commit, by id; null values are deletions. */
  private final Map<String, GroupMember> recent = new HashMap<>();
  private final Map<String, List<String>> recentByBand = new HashMap<>();
  private long placed;
  private long nanos;
  private long eventJoins;
  /** Whether band keys carry the week ({@link BandKeys}); an index of an older layout keeps them plain. */
  private volatile boolean timedBands = true;

  public Grouper(GroupPolicy policy) {
    this.policy = policy;
  }

  /** Band keys with the week ({@link BandKeys}, the default) or plain, as an older index stores them. */
  public Grouper timedBands(boolean on) {
    this.timedBands = on;
    return this;
  }

  public boolean timedBands() {
    return timedBands;
  }

  /**
   * The keys an index stores an article with: its text's band keys (with its week, unless {@link
   * #timedBands} is off), then its event keys.
   */
  public List<String> indexKeys(GroupMember m) {
    if (!timedBands) {
      return m.indexKeys();
    }
    List<String> bands = BandKeys.stored(m.signature().bandKeys(), m.publishedAt());
    List<String> event = EventTerms.ownKeys(m.signature().event(), m.publishedAt());
    if (event.isEmpty()) {
      return bands;
    }
    List<String> all = new ArrayList<>(bands);
    all.addAll(event);
    return all;
  }

  public GroupPolicy policy() {
    return policy;
  }

  /** Places an article (to be written by the caller) and remembers it until {@link #committed()}. */
  public synchronized GroupMember place(Article a, Candidates committed) throws IOException {
    return place(a, null, committed);
  }

  /**
   * As {@link #place(Article, Candidates)}, with the article's signature when the caller already
   * made it ({@code Signature.of(a)}; null to make it here).
   */
  public synchronized GroupMember place(Article a, Signature signature, Candidates committed) throws IOException {
    long t0 = System.nanoTime();
    try {
      return doPlace(a, signature != null ? signature : Signature.of(a), committed);
    } finally {
      nanos += System.nanoTime() - t0;
      placed++;
    }
  }

  /** Articles placed by this grouper so far, and the time it took (signatures, candidates, comparing). */
  public synchronized long placed() {
    return placed;
  }

  public synchronized long nanos() {
    return nanos;
  }

  /**
   * The lookups {@link #place} asks of the committed articles for an article: its band keys, then
   * (when the policy has an event rule and the article has event terms) the event keys of the days
   * its window reaches. An index may run them ahead, all at once.
   */
  public List<List<String>> lookups(Article a, Signature signature) {
    return lookups(GroupMember.of(a, a.id(), signature));
  }

  private List<List<String>> lookups(GroupMember self) {
    List<String> plain = self.signature().bandKeys();
    List<String> bands = timedBands ? BandKeys.lookup(plain, self.publishedAt(), policy.window()) : plain;
    if (policy.event() == null || self.signature().event().length == 0) {
      return List.of(bands);
    }
    return List.of(bands, EventTerms.lookupKeys(self.signature().event(), self.publishedAt(), policy.event().window()));
  }

  private GroupMember doPlace(Article a, Signature signature, Candidates committed) throws IOException {
    GroupMember self = GroupMember.of(a, a.id(), signature);
    List<List<String>> lookups = lookups(self);
    GroupMember best = null;
    double bestSim = 0;
    List<GroupMember> found = candidates(self, lookups.get(0), committed);
    for (GroupMember m : found) {
      double s = policy.match(self, m);
      if (s > bestSim) {
        best = m;
        bestSim = s;
      }
    }
    if (best == null && lookups.size() > 1) {
      // no text close enough: an independent report of the same event, by the salient terms
      for (GroupMember m : candidates(self, lookups.get(1), committed)) {
        double s = policy.event().match(self, m);
        if (s > bestSim) {
          best = m;
          bestSim = s;
        }
      }
      if (best != null) {
        eventJoins++;
      }
    }
    GroupMember placed = best == null ? self : self.withGroup(best.groupId());
    recent.put(a.id(), placed);
    for (String k : indexKeys(placed)) {
      recentByBand.computeIfAbsent(BandKeys.plain(k), x -> new ArrayList<>()).add(a.id());
    }
    return placed;
  }

  /**
   * Committed and recent articles sharing at least {@link Signature#MIN_SHARED_BANDS} of the keys,
   * at most {@link GroupPolicy#candidates()} of each, earliest first.
   */
  private List<GroupMember> candidates(GroupMember self, List<String> keys, Candidates committed) throws IOException {
    if (keys.isEmpty()) {
      return List.of();
    }
    String id = self.id();
    Set<String> seen = new HashSet<>();
    seen.add(id);
    List<GroupMember> found = new ArrayList<>();
    for (GroupMember m : committed.find(keys, policy.candidates())) {
      if (seen.add(m.id()) && !recent.containsKey(m.id())) {
        found.add(m);
      }
    }
    // placed since the last commit: the same rule as the index's, at least MIN_SHARED_BANDS keys
    // kept by plain key: the weeks of a look-up name one band key several times, counted once
    Set<String> plain = new java.util.LinkedHashSet<>();
    for (String k : keys) {
      plain.add(BandKeys.plain(k));
    }
    Map<String, Integer> shared = new HashMap<>();
    for (String k : plain) {
      for (String other : recentByBand.getOrDefault(k, List.of())) {
        // only those that may join (the window, or undated), as the committed look-up's weeks do
        if (!withinWindow(self, recent.get(other))) {
          continue;
        }
        shared.merge(other, 1, Integer::sum);
      }
    }
    shared.entrySet().stream()
        .filter(e -> e.getValue() >= Signature.MIN_SHARED_BANDS)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(policy.candidates())
        .forEach(e -> {
          GroupMember m = recent.get(e.getKey());
          if (m != null && seen.add(e.getKey())) {
            found.add(m);
          }
        });
    found.sort(Comparator.comparing(GroupMember::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(GroupMember::id));
    return found;
  }

  /** Whether {@code m} was published within the policy's window of {@code self}, or either is undated. */
  private boolean withinWindow(GroupMember self, GroupMember m) {
    if (m == null || self.publishedAt() == null || m.publishedAt() == null) {
      return true;
    }
    return java.time.Duration.between(self.publishedAt(), m.publishedAt()).abs().compareTo(policy.window()) <= 0;
  }

  /** Articles that joined a group by the event rule (none of its members' texts was close enough). */
  public synchronized long eventJoins() {
    return eventJoins;
  }

  /** The article is gone (deleted): it is no candidate any more. */
  public synchronized void removed(String id) {
    recent.put(id, null);
  }

  /** Everything placed so far is committed: the index's candidates now include it. */
  public synchronized void committed() {
    recent.clear();
    recentByBand.clear();
  }
}

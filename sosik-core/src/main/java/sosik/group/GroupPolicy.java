package sosik.group;

import java.time.Duration;
import sosik.article.KoreaTime;

/**
 * When two articles belong together.
 *
 * @param minSimilarity     estimated Jaccard similarity of the shingle sets an article needs with
 *     some member of a group to join it
 * @param window            the most time between the two articles' publication (both dated)
 * @param undatedSimilarity the similarity needed when either article has no date (nothing then
 *     bounds the time, so only near-copies join)
 * @param reprintSimilarity the similarity to the wire original from which an article of another
 *     press is a reprint (the wire text almost word for word)
 * @param candidates        how many candidates (most shared band keys first) are compared
 * @param samePressOtherDaySimilarity the similarity needed between two articles of one press
 *     published on different days (Korea time): a press's robot-written market reports reuse one
 *     template day after day, while its own follow-ups of a story come the same day or resend the
 *     text whole
 * @param event             the event rule, for reports of one event written independently (their
 *     texts share too little to join by similarity); null for none
 */
public record GroupPolicy(
    double minSimilarity, Duration window, double undatedSimilarity, double reprintSimilarity, int candidates,
    double samePressOtherDaySimilarity, EventRule event) {
  public static final GroupPolicy DEFAULT = new GroupPolicy(0.3, Duration.ofDays(3), 0.6, 0.7, 50, 0.9, EventRule.DEFAULT);

  /**
   * When two articles that share too little text report one event: both dated, within
   * {@code window}, of different presses, and their headline-and-lead {@link EventTerms} share at
   * least {@code minShared} terms, {@code minHeadlineShared} of them in both headlines and
   * {@code minNames} of them names or numbers, which is at least {@code minOverlap} of the smaller
   * term set. An index finds the candidates by the headline terms' event keys.
   */
  public record EventRule(Duration window, int minShared, int minHeadlineShared, int minNames, double minOverlap) {
    public static final EventRule DEFAULT = new EventRule(Duration.ofHours(36), 5, 3, 1, 0.4);

    public EventRule {
      if (window.isNegative() || minShared < 1 || minHeadlineShared < 1 || minNames < 0 || minOverlap < 0 || minOverlap > 1) {
        throw new IllegalArgumentException("bad event rule");
      }
    }

    /** How much {@code a} and {@code b} report one event (the share of shared terms), 0 when not. */
    public double match(GroupMember a, GroupMember b) {
      if (a.publishedAt() == null || b.publishedAt() == null
          || Duration.between(a.publishedAt(), b.publishedAt()).abs().compareTo(window) > 0
          || sosik.article.PressNames.same(a.press(), b.press())) {
        return 0;
      }
      int[] x = a.signature().event();
      int[] y = b.signature().event();
      if (x.length == 0 || y.length == 0) {
        return 0;
      }
      int shared = 0;
      int headline = 0;
      int names = 0;
      for (int i = 0, j = 0; i < x.length && j < y.length; ) {
        int tx = x[i] >> 2;
        int ty = y[j] >> 2;
        if (tx < ty) {
          i++;
        } else if (tx > ty) {
          j++;
        } else {
          shared++;
          if ((x[i] & y[j] & EventTerms.HEADLINE) != 0) {
            headline++;
          }
          if (((x[i] | y[j]) & EventTerms.NAME) != 0) {
            names++;
          }
          i++;
          j++;
        }
      }
      double overlap = shared / (double) Math.min(x.length, y.length);
      return shared >= minShared && headline >= minHeadlineShared && names >= minNames && overlap >= minOverlap ? overlap : 0;
    }
  }

  public GroupPolicy(
      double minSimilarity, Duration window, double undatedSimilarity, double reprintSimilarity, int candidates,
      double samePressOtherDaySimilarity) {
    this(minSimilarity, window, undatedSimilarity, reprintSimilarity, candidates, samePressOtherDaySimilarity, null);
  }

  public GroupPolicy {
    if (minSimilarity <= 0 || minSimilarity > 1 || undatedSimilarity <= 0 || undatedSimilarity > 1
        || reprintSimilarity <= 0 || reprintSimilarity > 1
        || samePressOtherDaySimilarity <= 0 || samePressOtherDaySimilarity > 1) {
      throw new IllegalArgumentException("similarities must be in (0, 1]");
    }
    if (window.isNegative() || candidates < 1) {
      throw new IllegalArgumentException("window must not be negative and candidates at least 1");
    }
  }

  /** Whether {@code a} may join the group of {@code b}, and how similar they are (0 when not). */
  double match(GroupMember a, GroupMember b) {
    double s = a.signature().similarity(b.signature());
    if (a.publishedAt() == null || b.publishedAt() == null) {
      return s >= undatedSimilarity ? s : 0;
    }
    Duration apart = Duration.between(a.publishedAt(), b.publishedAt()).abs();
    if (apart.compareTo(window) > 0) {
      return 0;
    }
    if (sosik.article.PressNames.same(a.press(), b.press())
        && !a.publishedAt().atZone(KoreaTime.ZONE).toLocalDate().equals(b.publishedAt().atZone(KoreaTime.ZONE).toLocalDate())) {
      return s >= samePressOtherDaySimilarity ? s : 0;
    }
    return s >= minSimilarity ? s : 0;
  }
}

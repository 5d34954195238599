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
 */
public record GroupPolicy(
    double minSimilarity, Duration window, double undatedSimilarity, double reprintSimilarity, int candidates,
    double samePressOtherDaySimilarity) {
  public static final GroupPolicy DEFAULT = new GroupPolicy(0.3, Duration.ofDays(3), 0.6, 0.7, 50, 0.9);

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

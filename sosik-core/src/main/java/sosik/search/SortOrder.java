package sosik.search;

import java.util.Locale;

/** Result order. */
public enum SortOrder {
  /** BM25, headline weighted above body; ties go to the newer article. */
  RELEVANCE,
  /** Newest first; articles without a date last. */
  LATEST,
  /** Oldest first; articles without a date last. */
  OLDEST;

  public static final SortOrder DEFAULT = RELEVANCE;

  public static SortOrder parse(String s) {
    return parse("sort", s);
  }

  /** As {@link #parse(String)}; the error names {@code option} (e.g. {@code --sort}). */
  public static SortOrder parse(String option, String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(option + " '" + s + "' is not one of relevance, latest, oldest");
    }
  }
}

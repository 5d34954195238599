package sosik.search;

import java.util.List;

/**
 * A query in the portal syntax, parsed: a list of clauses that must all hold.
 *
 * @param text    the query as the user typed it
 * @param clauses the clauses; empty means "every article" (browse with filters)
 */
public record PortalQuery(String text, List<Clause> clauses) {
  public PortalQuery {
    clauses = List.copyOf(clauses);
  }

  /** Where a term looks. */
  public enum Field {
    /** Headline and body (or the headline only when the request says so). */
    TEXT,
    /** Headline only: {@code 제목:…}. */
    TITLE,
    /** Press name, exact: {@code 언론사:이데일리}. */
    PRESS,
    /** Reporter name, exact: {@code 기자:김현아}. */
    REPORTER
  }

  /**
   * One word or phrase. A word that Korean analysis splits into several tokens matches as a
   * phrase; {@code phrase} is true when the user quoted it.
   */
  public record Term(Field field, String text, boolean phrase) {}

  /**
   * A clause: one or more alternatives ({@code a | b}); {@code exclude} for {@code -word};
   * {@code forced} for {@code +word}, which stays required even when a long query is relaxed to
   * match only some of its words.
   */
  public record Clause(boolean exclude, boolean forced, List<Term> alternatives) {
    public Clause {
      alternatives = List.copyOf(alternatives);
      if (exclude && forced) {
        throw new IllegalArgumentException("a clause cannot be both excluded and forced");
      }
    }

    public Clause(boolean exclude, List<Term> alternatives) {
      this(exclude, false, alternatives);
    }

    /**
     * A plain word or words: positive, not {@code +}-forced, headline/body terms only, none quoted.
     * These are what a relaxed long query may leave unmatched.
     */
    public boolean plain() {
      if (exclude || forced) {
        return false;
      }
      for (Term t : alternatives) {
        if (t.phrase() || (t.field() != Field.TEXT && t.field() != Field.TITLE)) {
          return false;
        }
      }
      return true;
    }
  }

  public boolean isEmpty() {
    return clauses.isEmpty();
  }
}

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
   * A clause: one or more alternatives ({@code a | b}); {@code exclude} for {@code -word}.
   */
  public record Clause(boolean exclude, List<Term> alternatives) {
    public Clause {
      alternatives = List.copyOf(alternatives);
    }
  }

  public boolean isEmpty() {
    return clauses.isEmpty();
  }
}

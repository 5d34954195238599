package sosik.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why one hit is on the page and why it has its score: the query parts it matched, field by field,
 * with their BM25 figures, and the bonuses of a relaxed query.
 *
 * @param id      the article
 * @param score   its score, the sum of the parts and bonuses
 * @param relaxed whether the query was run relaxed (some words may be missing)
 * @param matches the matched words and phrases, largest share of the score first
 * @param bonuses what ranking adds beyond the words' BM25: {@code lead} (a query word in the body's
 *     lead), and in a relaxed query {@code all_words} (the article holds every word) and {@code
 *     proximity} (query words near each other)
 * @param freshness the freshness factor the matches and proximity bonuses were multiplied by to
 *     give {@code score} (the all-words bonus is added after), or null when the preference did not
 *     apply
 */
public record Explanation(
    String id, float score, boolean relaxed, List<Match> matches, List<Bonus> bonuses, Fresh freshness) {
  public Explanation {
    matches = List.copyOf(matches);
    bonuses = List.copyOf(bonuses);
  }

  /** Without a freshness factor (the preference off, or not relevance order). */
  public Explanation(String id, float score, boolean relaxed, List<Match> matches, List<Bonus> bonuses) {
    this(id, score, relaxed, matches, bonuses, null);
  }

  /**
   * The freshness factor the text score was multiplied by (see {@link Freshness}).
   *
   * @param factor       {@code 1 + weight × 0.5^(age / halfLife)}; 1 for an undated article
   * @param ageDays      the article's age in days when searched (0 if dated in the future); null when undated
   * @param weight       the preference's weight
   * @param halfLifeDays its half-life in days
   */
  public record Fresh(double factor, Double ageDays, double weight, double halfLifeDays) {}

  /**
   * One matched word or phrase in one field, scored by BM25: {@code score = boost × idf × tf}, with
   * {@code tf = freq / (freq + k1 × (1 − b + b × length / avgLength))}.
   *
   * @param field  {@code title} or {@code body} (or a filter field such as {@code press_key})
   * @param terms  the analysed tokens, space-separated
   * @param phrase whether it is a phrase (a word the analyser splits, a quoted phrase)
   * @param boost  the field weight: 2 for the headline, 1 for the body (times any bonus weight)
   */
  public record Match(String field, String terms, boolean phrase, float score, float boost, float idf, float tf,
      float freq, float length, float avgLength) {}

  /** A ranking bonus: {@code lead}, {@code all_words} or {@code proximity}, with what it matched. */
  public record Bonus(String kind, String terms, float score) {}

  /** Adds {@code "explain"} to each hit of a page's JSON (see {@link SearchPageJson}). */
  public static void addTo(ObjectNode page, Map<String, Explanation> byId) {
    for (var hit : page.withArray("hits")) {
      Explanation e = byId.get(hit.get("id").asText());
      if (e != null) {
        ((ObjectNode) hit).set("explain", e.toJson((ObjectNode) hit));
      }
    }
  }

  ObjectNode toJson(ObjectNode factory) {
    ObjectNode o = factory.objectNode();
    o.put("score", score);
    o.put("relaxed", relaxed);
    ArrayNode ms = o.putArray("matches");
    for (Match m : matches) {
      ObjectNode n = ms.addObject();
      n.put("field", m.field());
      n.put("terms", m.terms());
      n.put("phrase", m.phrase());
      n.put("score", m.score());
      n.put("boost", m.boost());
      n.put("idf", m.idf());
      n.put("tf", m.tf());
      n.put("freq", m.freq());
      n.put("length", m.length());
      n.put("avg_length", m.avgLength());
    }
    ArrayNode bs = o.putArray("bonuses");
    for (Bonus b : bonuses) {
      bs.addObject().put("kind", b.kind()).put("terms", b.terms()).put("score", b.score());
    }
    if (freshness == null) {
      o.putNull("freshness");
    } else {
      ObjectNode f = o.putObject("freshness");
      f.put("factor", freshness.factor());
      if (freshness.ageDays() == null) {
        f.putNull("age_days");
      } else {
        f.put("age_days", freshness.ageDays());
      }
      f.put("weight", freshness.weight());
      f.put("half_life_days", freshness.halfLifeDays());
    }
    return o;
  }

  /** The explanation as terminal lines, each starting with {@code indent}. */
  public List<String> lines(String indent) {
    java.util.List<String> out = new java.util.ArrayList<>();
    out.add(indent + String.format(Locale.ROOT, "score %.3f%s", score, relaxed ? " (relaxed: some words may be missing)" : ""));
    for (Match m : matches) {
      out.add(indent + String.format(Locale.ROOT,
          "+ %.3f  %s %s%s  = boost %.1f × idf %.3f × tf %.3f (freq %s, length %s, avg %.1f)",
          m.score(), m.field(), m.phrase() ? "phrase " : "", "\"" + m.terms() + "\"", m.boost(), m.idf(), m.tf(),
          plain(m.freq()), plain(m.length()), m.avgLength()));
    }
    for (Bonus b : bonuses) {
      out.add(indent + String.format(Locale.ROOT, "+ %.3f  %s%s", b.score(),
          switch (b.kind()) {
            case "all_words" -> "every word present";
            case "lead" -> "lead bonus (in the body's first 40 words)";
            default -> "proximity bonus";
          },
          b.terms().isEmpty() ? "" : " \"" + b.terms() + "\""));
    }
    if (freshness != null) {
      out.add(indent + String.format(Locale.ROOT, "× %.3f  freshness (%s; weight %s, half-life %s days)", freshness.factor(),
          freshness.ageDays() == null ? "undated: no boost" : String.format(Locale.ROOT, "age %.2f days", freshness.ageDays()),
          plain((float) freshness.weight()), plain((float) freshness.halfLifeDays())));
    }
    return out;
  }

  private static String plain(float f) {
    return f == Math.rint(f) ? Long.toString((long) f) : String.format(Locale.ROOT, "%.1f", f);
  }
}

package sosik.index.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.Explanation;
import sosik.search.Explanation.Bonus;
import sosik.search.Explanation.Match;

/** Reads Lucene's score explanation of one hit into Sosik's {@link sosik.search.Explanation}. */
final class LuceneExplain {
  private static final Pattern WEIGHT = Pattern.compile("^weight\\((\\w+):(.*) in \\d+\\)");
  /** The lead bonus's span query as Lucene names it: {@code weight(spanFirst(body:블록, 40) in 7)}. */
  private static final Pattern LEAD = Pattern.compile("^weight\\(spanFirst\\((.*), \\d+\\) in \\d+\\)");
  private static final Pattern LEAD_TERM = Pattern.compile("\\w+:([^,\\]\\)\\s]+)");

  private LuceneExplain() {}

  static sosik.search.Explanation of(String id, float score, boolean relaxed, Explanation e) {
    List<Match> matches = new ArrayList<>();
    List<Bonus> bonuses = new ArrayList<>();
    walk(e, relaxed, matches, bonuses);
    matches.sort(Comparator.comparingDouble((Match m) -> -m.score()));
    return new sosik.search.Explanation(id, score, relaxed, matches, bonuses, freshness(e));
  }

  private static final Pattern FRESH = Pattern.compile(
      "^" + FreshnessValues.DESCRIPTION + " age_ms=(\\d+|undated) weight=([\\d.Ee+-]+) half_life_ms=(\\d+)");

  /** The freshness factor in an explanation (see {@link FreshnessValues#explain}), or null. */
  private static sosik.search.Explanation.Fresh freshness(Explanation e) {
    String d = e.getDescription();
    if (d.startsWith(FreshnessValues.DESCRIPTION)) {
      double factor = e.getValue().doubleValue();
      Matcher m = FRESH.matcher(d);
      if (m.find()) {
        return new sosik.search.Explanation.Fresh(factor, m.group(1).equals("undated") ? null : Long.parseLong(m.group(1)) / 86_400_000d,
            Double.parseDouble(m.group(2)), Long.parseLong(m.group(3)) / 86_400_000d);
      }
      return new sosik.search.Explanation.Fresh(factor, null, Double.NaN, Double.NaN);
    }
    for (Explanation c : e.getDetails()) {
      sosik.search.Explanation.Fresh f = freshness(c);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static void walk(Explanation e, boolean relaxed, List<Match> matches, List<Bonus> bonuses) {
    if (!e.isMatch()) {
      return;
    }
    String d = e.getDescription();
    Matcher lead = LEAD.matcher(d);
    if (lead.find()) {
      // the lead bonus: the word's tokens within the body's first positions
      List<String> terms = new ArrayList<>();
      Matcher t = LEAD_TERM.matcher(lead.group(1));
      while (t.find()) {
        terms.add(t.group(1));
      }
      bonuses.add(new Bonus("lead", Fields.BODY + ":" + String.join(" ", terms), e.getValue().floatValue()));
      return;
    }
    Matcher m = WEIGHT.matcher(d);
    if (m.find()) {
      Match match = match(m.group(1), m.group(2), e);
      boolean nearBonus = relaxed && match.phrase()
          && (m.group(2).matches(".*\"~\\d+$") || match.boost() < baseBoost(match.field()) - 1e-6);
      if (nearBonus) {
        bonuses.add(new Bonus("proximity", match.field() + ":" + match.terms(), match.score()));
      } else {
        matches.add(match);
      }
      return;
    }
    if (d.startsWith("ConstantScore(") && e.getValue().floatValue() >= LuceneQueryBuilder.ALL_WORDS_BONUS) {
      bonuses.add(new Bonus("all_words", "", e.getValue().floatValue()));
      return;
    }
    for (Explanation c : e.getDetails()) {
      walk(c, relaxed, matches, bonuses);
    }
  }

  private static float baseBoost(String field) {
    return Fields.TITLE.equals(field) ? LuceneQueryBuilder.TITLE_BOOST : 1f;
  }

  private static Match match(String field, String terms, Explanation weight) {
    float boost = 1;
    float idf = 0;
    float tf = 0;
    float freq = 0;
    float dl = 0;
    float avgdl = 0;
    List<Explanation> all = new ArrayList<>();
    flatten(weight, all);
    for (Explanation x : all) {
      String d = x.getDescription();
      float v = x.getValue().floatValue();
      if (d.equals("boost")) {
        boost = v;
      } else if (d.startsWith("idf")) {
        idf = v;
      } else if (d.startsWith("tf,") || d.startsWith("tf ")) {
        tf = v;
      } else if (d.startsWith("freq") || d.startsWith("phraseFreq")) {
        freq = v;
      } else if (d.startsWith("dl")) {
        dl = v;
      } else if (d.startsWith("avgdl")) {
        avgdl = v;
      }
    }
    boolean phrase = terms.startsWith("\"");
    String shown = terms.replaceAll("^\"|\"(~\\d+)?$", "");
    return new Match(field, shown, phrase, weight.getValue().floatValue(), boost, idf, tf, freq, dl, avgdl);
  }

  private static void flatten(Explanation e, List<Explanation> into) {
    into.add(e);
    for (Explanation c : e.getDetails()) {
      flatten(c, into);
    }
  }
}

package sosik.index.lucene;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the embedded index answers long queries and questions, which rarely find an article holding
 * every one of their words ({@code 임종석이 지명수배 된 날은?}: no paragraph says 날).
 *
 * <p>Every query first runs as the portal runs it: every word must match. A query is <em>long</em>
 * when it has at least {@link #longWords} plain words, or when it is a question (it ends with
 * {@code ?}) of at least two plain words; a plain word is one the user did not quote, force with
 * {@code +}, exclude with {@code -} or scope to a press or reporter, and that the analyser does not
 * reduce to nothing (particles, punctuation). When a long query finds fewer than {@link
 * #relaxBelow} articles with all its words, it is run again <em>relaxed</em>: an article needs only
 * {@code ceil(match × n)} of its n plain words (at least one, at most n − 1); quoted phrases,
 * {@code +words}, field terms and exclusions still hold. The plain words are analysed together,
 * in context, as the indexed text was, and interrogatives (무엇, 누구 …) are not looked for. The
 * relaxed ranking is BM25 over the words' tokens (headline ×2, as always), plus a proximity bonus
 * for the query's adjacent words found near each other, and the articles holding every word first.
 * The page says it was relaxed ({@link sosik.search.SearchPage#relaxed()}), and its total is the
 * exact count of the relaxed query.
 *
 * <p>Short keyword queries never change meaning: {@code 반도체 금리} finds what holds both words or
 * nothing. The figures behind the defaults are in docs/QUALITY.md.
 *
 * @param enabled        relax at all (false: every query is all-words, as before)
 * @param longWords      plain words from which a query is long
 * @param questions      a question ({@code ?} at the end) of two or more plain words is long too
 * @param relaxBelow     relax when the all-words query finds fewer articles than this
 * @param match          the share of plain words a relaxed match needs
 * @param proximity      weight of the bonus for adjacent query words near each other (0: none)
 * @param slop           how far apart (in words) adjacent query words may be for the bonus
 * @param allWordsFirst  rank articles holding every word above those holding only some
 * @param context        analyse the plain words together, in context, as the indexed text was
 *     analysed (false: each word alone, as the all-words query does)
 * @param questionWords  drop interrogatives (무엇, 누구, 언제, 어디, 몇…) from a relaxed query: the
 *     answer does not contain them (false: keep them as words)
 * @param rankNear       in an all-words answer of two or more words, rank the articles where
 *     adjacent words stand near each other higher (the same proximity bonus; what matches and the
 *     count are unchanged); off by default: it bought nothing on the judged news queries
 *     (docs/QUALITY.md)
 */
public record LongQueryPolicy(
    boolean enabled,
    int longWords,
    boolean questions,
    int relaxBelow,
    double match,
    float proximity,
    int slop,
    boolean allWordsFirst,
    boolean context,
    boolean questionWords,
    boolean rankNear) {

  /**
   * Sosik's choice: long from 4 words (or a question of 2), relaxed below 10 all-words results,
   * a quarter of the words, proximity ×0.5 within 8 positions, all-words first, words in context,
   * interrogatives left out. Measured on KorQuAD (docs/QUALITY.md).
   */
  public static final LongQueryPolicy DEFAULT = new LongQueryPolicy(true, 4, true, 10, 0.25, 0.5f, 8, true, true, true, false);

  /** Every query all-words, as the portal runs keyword queries. */
  public static final LongQueryPolicy STRICT = DEFAULT.with("enabled", "false");

  public LongQueryPolicy {
    if (longWords < 2) {
      throw new IllegalArgumentException("longWords must be at least 2, was " + longWords);
    }
    if (relaxBelow < 1) {
      throw new IllegalArgumentException("relaxBelow must be at least 1, was " + relaxBelow);
    }
    if (!(match > 0 && match <= 1)) {
      throw new IllegalArgumentException("match must be in (0, 1], was " + match);
    }
    if (proximity < 0 || slop < 0) {
      throw new IllegalArgumentException("proximity and slop must not be negative");
    }
  }

  /** Words a relaxed query of {@code n} plain words needs: {@code ceil(match × n)}, in 1..n−1. */
  public int minimumShouldMatch(int n) {
    int m = (int) Math.ceil(match * n - 1e-9);
    return Math.max(1, Math.min(n - 1, m));
  }

  /** Whether a query of {@code plainWords} plain words, question or not, may be relaxed. */
  public boolean isLong(int plainWords, boolean question) {
    return enabled && plainWords >= 2 && (plainWords >= longWords || (questions && question));
  }

  /**
   * This policy with one setting changed, by its name as in {@link #toString()}: {@code enabled},
   * {@code longWords}, {@code questions}, {@code relaxBelow}, {@code match}, {@code proximity},
   * {@code slop}, {@code allWordsFirst}, {@code context}, {@code questionWords}, {@code rankNear}.
   */
  public LongQueryPolicy with(String key, String value) {
    Map<String, String> m = asMap();
    String k = null;
    for (String known : m.keySet()) {
      if (known.equalsIgnoreCase(key.strip())) {
        k = known;
      }
    }
    if (k == null) {
      throw new IllegalArgumentException("unknown long-query setting '" + key + "'; known: " + String.join(", ", m.keySet()));
    }
    m.put(k, value.strip());
    try {
      return new LongQueryPolicy(
          bool(m, "enabled"),
          Integer.parseInt(m.get("longWords")),
          bool(m, "questions"),
          Integer.parseInt(m.get("relaxBelow")),
          Double.parseDouble(m.get("match")),
          Float.parseFloat(m.get("proximity")),
          Integer.parseInt(m.get("slop")),
          bool(m, "allWordsFirst"),
          bool(m, "context"),
          bool(m, "questionWords"),
          bool(m, "rankNear"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("long-query setting " + k + "=" + value + " is not a number");
    }
  }

  /** This policy with settings changed by a list {@code key=value,key=value}. */
  public LongQueryPolicy with(String settings) {
    LongQueryPolicy p = this;
    if (settings == null || settings.isBlank()) {
      return p;
    }
    for (String kv : settings.split(",")) {
      if (kv.isBlank()) {
        continue;
      }
      int eq = kv.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("long-query setting '" + kv.strip() + "' is not key=value");
      }
      p = p.with(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return p;
  }

  private static boolean bool(Map<String, String> m, String k) {
    String v = m.get(k).toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw new IllegalArgumentException("long-query setting " + k + "=" + v + " is not true or false");
    };
  }

  private Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("enabled", String.valueOf(enabled));
    m.put("longWords", String.valueOf(longWords));
    m.put("questions", String.valueOf(questions));
    m.put("relaxBelow", String.valueOf(relaxBelow));
    m.put("match", String.valueOf(match));
    m.put("proximity", String.valueOf(proximity));
    m.put("slop", String.valueOf(slop));
    m.put("allWordsFirst", String.valueOf(allWordsFirst));
    m.put("context", String.valueOf(context));
    m.put("questionWords", String.valueOf(questionWords));
    m.put("rankNear", String.valueOf(rankNear));
    return m;
  }

  /** {@code enabled=true,longWords=4,…}: the form {@link #with(String)} reads. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    asMap().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }
}

package sosik.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import sosik.index.Keys;
import sosik.search.PortalQuery;
import sosik.search.SearchRequest;

/**
 * Turns a {@link PortalQuery} and a request's filters into Lucene queries: the all-words query the
 * portal runs, and for a long query or a question its relaxed form (see {@link LongQueryPolicy}).
 * Public so that another backend runs the very same queries (the OpenSearch backend translates them
 * to its query language); the field names are those of {@link Fields}.
 */
public final class LuceneQueryBuilder {
  /** Headline matches weigh this much more than body matches. */
  static final float TITLE_BOOST = 2.0f;
  /**
   * Added to the relaxed score of an article holding every word, so that such articles come first;
   * far above what BM25 gives a query of at most 64 words.
   */
  static final float ALL_WORDS_BONUS = 10_000f;
  /**
   * Interrogatives as the analyser gives them (누구인가 → 누구 이, 어떻게 → 어떻): a question's
   * answer does not hold them, so a relaxed query leaves them out.
   */
  static final java.util.Set<String> INTERROGATIVES =
      java.util.Set.of("무엇", "뭐", "누구", "언제", "어디", "어느", "얼마", "몇", "무슨", "어떤", "어떻", "왜");
  /** The copula 이(다) as the analyser leaves it after an interrogative (누구인가 → 누구 이). */
  static final String COPULA = "이";

  private final Analyzer analyzer;
  private final java.util.function.Supplier<sosik.analysis.Aliases> aliases;
  /** The aliases' forms by their analysed tokens, for the aliases at {@link #aliasVersion}. */
  private volatile java.util.Map<String, String> aliasForms = java.util.Map.of();
  private volatile sosik.analysis.Aliases aliasTable;
  private volatile int aliasVersion = -1;

  /** While stored articles are re-analysed after a dictionary change: the chain they had, else null. */
  private final java.util.function.Supplier<Analyzer> previous;

  private volatile boolean useAliases = true;
  private volatile boolean useSpacing = true;
  private volatile boolean useContractions = true;
  private volatile boolean useNameParts = true;
  private volatile boolean useTransliterations = true;
  private volatile boolean useTransliterationIdf = true;
  private volatile TermCounts termCounts;

  /**
   * How many articles the index holds, and how many hold each term: what BM25's idf is made of,
   * for weighting a name's other script (see {@link #textOrTitleUnless}).
   */
  public interface TermCounts {
    /** The number of articles, then for each term the number of articles holding it. */
    long[] count(List<Term> terms) throws IOException;
  }

  /** Where the builder looks up {@link TermCounts}; without one, a name's other script weighs 1. */
  public void termCounts(TermCounts counts) {
    this.termCounts = counts;
  }
  /** Weight of a query word found in the lead (the body's first {@link #LEAD} positions); 0: off. */
  private volatile float leadWeight = DEFAULT_LEAD_WEIGHT;
  /** The lead: the body's first this many tokens (about two sentences of news). */
  static final int LEAD = 40;
  static final float DEFAULT_LEAD_WEIGHT = 0.3f;
  /** Whether the index holds {@link Fields#LEAD} for every article, so the lead bonus reads it (see {@link LeadQuery}). */
  private volatile boolean leadField;

  public LuceneQueryBuilder(Analyzer analyzer) {
    this(analyzer, () -> null, () -> null);
  }

  /** Turns abbreviation pairs and spacing variants on or off (both on by default). */
  void features(boolean aliases, boolean spacingVariants) {
    this.useAliases = aliases;
    this.useSpacing = spacingVariants;
  }

  /** Turns the suffix contractions (성균관대학교 = 성균관대, 현대자동차 = 현대차) on or off (on by default). */
  void contractions(boolean on) {
    this.useContractions = on;
  }

  /** Turns the parts of a name joined to an abbreviation (카카오CIC) on or off (on by default). */
  void nameParts(boolean on) {
    this.useNameParts = on;
  }

  /**
   * Turns the rule for a pair that writes one name in two scripts ({@code NAVER} = {@code 네이버})
   * on or off (on by default): on, a field that holds the word as typed is scored by it alone;
   * off, by the sum of both forms, as for an abbreviation.
   */
  void transliterations(boolean on) {
    this.useTransliterations = on;
  }

  /**
   * With the rule for a name in two scripts on: whether the other script, where it stands in for
   * the typed form, weighs no more than the typed form's idf would give it (on by default).
   */
  void transliterationIdf(boolean on) {
    this.useTransliterationIdf = on;
  }

  /** Weight of an abbreviation pair's other form against the word as typed (1: equal). */
  private volatile float aliasWeight = DEFAULT_ALIAS_WEIGHT;
  static final float DEFAULT_ALIAS_WEIGHT = 1f;

  /** Sets the weight of an abbreviation pair's other form (in (0, 1]; the typed form weighs 1). */
  void aliasWeight(float weight) {
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("alias weight must be in (0, 1], was " + weight);
    }
    this.aliasWeight = weight;
  }

  /** Sets the weight of query words found in the body's lead (0: no lead bonus). */
  void leadWeight(float weight) {
    if (weight < 0 || Float.isNaN(weight)) {
      throw new IllegalArgumentException("lead weight must be 0 or more, was " + weight);
    }
    this.leadWeight = weight;
  }

  /**
   * Answers the lead bonus from {@link Fields#LEAD} (true) or from the body's positions (false):
   * the same matches and scores either way. Only for an index whose every article has the field.
   */
  void leadField(boolean on) {
    this.leadField = on;
  }

  /**
   * A bonus for a plain word found in the lead, the body's first {@link #LEAD} positions: the
   * word's tokens in order there. Null when off or the word analyses to nothing.
   */
  private Query leadBonus(PortalQuery.Term t) {
    float w = leadWeight;
    if (w <= 0) {
      return null;
    }
    List<String> toks = tokens(Fields.BODY, t.text());
    if (toks.isEmpty()) {
      return null;
    }
    org.apache.lucene.queries.spans.SpanQuery span;
    if (toks.size() == 1) {
      span = new org.apache.lucene.queries.spans.SpanTermQuery(new Term(Fields.BODY, toks.get(0)));
    } else {
      org.apache.lucene.queries.spans.SpanQuery[] parts = new org.apache.lucene.queries.spans.SpanQuery[toks.size()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = new org.apache.lucene.queries.spans.SpanTermQuery(new Term(Fields.BODY, toks.get(i)));
      }
      span = new org.apache.lucene.queries.spans.SpanNearQuery(parts, 0, true);
    }
    org.apache.lucene.queries.spans.SpanFirstQuery first = new org.apache.lucene.queries.spans.SpanFirstQuery(span, LEAD);
    return new BoostQuery(leadField ? new LeadQuery(first, Fields.LEAD) : first, w);
  }

  /**
   * A builder that also searches each word's abbreviation pair ({@code 과기부} ↔ {@code
   * 과학기술정보통신부}) and, while {@code previous} gives an analyzer, each word as that one read it too.
   */
  public LuceneQueryBuilder(
      Analyzer analyzer, java.util.function.Supplier<sosik.analysis.Aliases> aliases, java.util.function.Supplier<Analyzer> previous) {
    this.analyzer = analyzer;
    this.aliases = aliases;
    this.previous = previous;
  }

  /**
   * The other forms of {@code word} by the aliases in use, none when it has none. The word and the
   * forms compare by their analysed tokens, so {@code 과기부가} finds the pair of {@code 과기부}.
   */
  List<String> aliasVariants(String word) {
    sosik.analysis.Aliases a = useAliases ? aliases.get() : null;
    if (a == null) {
      return List.of();
    }
    java.util.Map<String, String> forms = aliasForms;
    if (a != aliasTable || a.version() != aliasVersion) {
      int version = a.version();
      java.util.Map<String, String> built = new java.util.HashMap<>();
      for (String f : a.forms()) {
        built.putIfAbsent(String.join(" ", tokens(Fields.BODY, f)), f);
      }
      forms = built;
      aliasForms = built;
      aliasTable = a;
      aliasVersion = version;
    }
    if (forms.isEmpty()) {
      return List.of();
    }
    String form = forms.get(String.join(" ", tokens(Fields.BODY, word)));
    return form == null ? List.of() : a.variants(form);
  }

  /** The query without filters; match-all when it has no positive clause. */
  Query textQuery(PortalQuery q, boolean titleOnly) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = false;
    List<PortalQuery.Clause> clauses = q.clauses();
    for (int i = 0; i < clauses.size(); i++) {
      PortalQuery.Clause c = clauses.get(i);
      String joined = i + 1 < clauses.size() ? joinedVariant(c, clauses.get(i + 1)) : null;
      if (joined != null) {
        // 챗 GPT: both words, or the two as the one word they make
        Query first = termQuery(c.alternatives().get(0), titleOnly);
        Query second = termQuery(clauses.get(i + 1).alternatives().get(0), titleOnly);
        PortalQuery.Term t = c.alternatives().get(0);
        Query whole = termQuery(new PortalQuery.Term(t.field(), joined, false), titleOnly);
        BooleanQuery both = new BooleanQuery.Builder()
            .add(first, BooleanClause.Occur.MUST).add(second, BooleanClause.Occur.MUST).build();
        b.add(new BooleanQuery.Builder().add(both, BooleanClause.Occur.SHOULD).add(whole, BooleanClause.Occur.SHOULD).build(),
            BooleanClause.Occur.MUST);
        positive = true;
        i++;
        continue;
      }
      BooleanQuery.Builder alts = new BooleanQuery.Builder();
      int n = 0;
      for (PortalQuery.Term t : c.alternatives()) {
        Query tq = termQuery(t, titleOnly);
        if (tq != null) {
          alts.add(tq, BooleanClause.Occur.SHOULD);
          n++;
        }
      }
      if (n == 0) {
        continue; // only particles or punctuation: nothing to match on
      }
      if (c.exclude()) {
        b.add(alts.build(), BooleanClause.Occur.MUST_NOT);
      } else {
        b.add(alts.build(), BooleanClause.Occur.MUST);
        positive = true;
        if (!titleOnly && c.plain() && c.alternatives().size() == 1 && c.alternatives().get(0).field() == PortalQuery.Field.TEXT) {
          Query lead = leadBonus(c.alternatives().get(0));
          if (lead != null) {
            b.add(lead, BooleanClause.Occur.SHOULD); // ranks only: the MUST clauses decide what matches
          }
        }
      }
    }
    if (!positive) {
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    }
    return b.build();
  }

  /**
   * The query's text part: {@code strict} requires every word (as {@link #textQuery}); {@code
   * relaxed} is non-null when the policy counts the query as long, and needs only some of its plain
   * words.
   */
  public record TextQueries(Query strict, Query relaxed) {}

  public TextQueries textQueries(PortalQuery q, boolean titleOnly, LongQueryPolicy policy) {
    Query strict = textQuery(q, titleOnly);
    if (!policy.enabled()) {
      return new TextQueries(strict, null);
    }
    if (policy.rankNear() && policy.proximity() > 0) {
      strict = rankedNear(strict, q, titleOnly, policy);
    }
    int plainClauses = (int) q.clauses().stream().filter(PortalQuery.Clause::plain).count();
    if (!policy.isLong(plainClauses, isQuestion(q.text()))) {
      return new TextQueries(strict, null); // too short whatever the words analyse to
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // plain words of one alternative are analysed together, in context, as the indexed text is:
    // Nori reads 승리의 alone as 승 + 리의, but 승리의 본명은 as 승리 + 본명
    List<String> single = new ArrayList<>();
    for (PortalQuery.Clause c : q.clauses()) {
      if (policy.context() && c.plain() && c.alternatives().size() == 1) {
        single.add(c.alternatives().get(0).text());
      }
    }
    List<List<String>> inContext = tokensInContext(single);
    int nextSingle = 0;
    List<Query> words = new ArrayList<>();
    // the tokens of each plain word in query order (null for a word with alternatives), for the
    // proximity bonus
    List<List<String>> wordTokens = new ArrayList<>();
    List<Boolean> wordTitleOnly = new ArrayList<>();
    // plain words that analyse to something, interrogatives included: what makes a query long
    int plainWords = 0;
    for (PortalQuery.Clause c : q.clauses()) {
      if (!c.plain()) {
        BooleanQuery.Builder alts = new BooleanQuery.Builder();
        int n = 0;
        for (PortalQuery.Term t : c.alternatives()) {
          Query tq = termQuery(t, titleOnly);
          if (tq != null) {
            alts.add(tq, BooleanClause.Occur.SHOULD);
            n++;
          }
        }
        if (n > 0) {
          b.add(alts.build(), c.exclude() ? BooleanClause.Occur.MUST_NOT : BooleanClause.Occur.MUST);
        }
        continue;
      }
      BooleanQuery.Builder alts = new BooleanQuery.Builder();
      List<String> one = null;
      boolean oneTitle = false;
      int n = 0;
      boolean analysed = false;
      for (PortalQuery.Term t : c.alternatives()) {
        List<String> tokens =
            policy.context() && c.alternatives().size() == 1 ? inContext.get(nextSingle++) : tokens(Fields.BODY, t.text());
        analysed |= !tokens.isEmpty();
        if (policy.questionWords() && tokens.stream().anyMatch(INTERROGATIVES::contains)) {
          // 누구인가 → 누구 이: the interrogative and its copula go, what else the word holds stays
          tokens = tokens.stream().filter(tok -> !INTERROGATIVES.contains(tok) && !tok.equals(COPULA)).toList();
        }
        if (tokens.isEmpty()) {
          continue;
        }
        boolean inTitle = titleOnly || t.field() == PortalQuery.Field.TITLE;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String tok : tokens) {
          any.add(fieldTerms(tok, inTitle), BooleanClause.Occur.SHOULD);
        }
        alts.add(any.build(), BooleanClause.Occur.SHOULD);
        one = c.alternatives().size() == 1 ? tokens : null;
        oneTitle = inTitle;
        n++;
      }
      plainWords += analysed ? 1 : 0;
      if (n == 0) {
        continue; // only particles or punctuation (or an interrogative): the word is dropped
      }
      words.add(alts.build());
      wordTokens.add(one);
      wordTitleOnly.add(oneTitle);
    }
    int n = words.size();
    if (n == 0 || !policy.isLong(plainWords, isQuestion(q.text()))) {
      return new TextQueries(strict, null);
    }
    BooleanQuery.Builder some = new BooleanQuery.Builder();
    for (Query w : words) {
      some.add(w, BooleanClause.Occur.SHOULD);
    }
    some.setMinimumNumberShouldMatch(policy.minimumShouldMatch(n));
    b.add(some.build(), BooleanClause.Occur.MUST);
    Query core = b.build();
    List<Query> bonus = new ArrayList<>();
    if (policy.proximity() > 0) {
      for (int i = 0; i < n; i++) {
        List<String> here = wordTokens.get(i);
        if (here == null) {
          continue;
        }
        if (here.size() > 1) {
          // a word the analyser splits (지명수배 → 지명 수배) counts most when whole
          bonus.add(new BoostQuery(near(here, 0, wordTitleOnly.get(i)), policy.proximity()));
        }
        List<String> next = i + 1 < n ? wordTokens.get(i + 1) : null;
        if (next != null) {
          List<String> pair = new ArrayList<>(here);
          pair.addAll(next);
          boolean title = wordTitleOnly.get(i) && wordTitleOnly.get(i + 1);
          bonus.add(new BoostQuery(near(pair, policy.slop(), title), policy.proximity()));
        }
      }
    }
    Query allWords = policy.allWordsFirst() ? new BoostQuery(new ConstantScoreQuery(strict), ALL_WORDS_BONUS) : null;
    // Lucene refuses a query of more than maxClauseCount clauses and terms, and 64 words of many
    // tokens each can get there: the proximity bonus goes first, then the all-words bonus, then
    // the relaxation itself
    int budget = IndexSearcher.getMaxClauseCount();
    for (int drop = 0; drop < 3; drop++) {
      BooleanQuery.Builder full = new BooleanQuery.Builder().add(core, BooleanClause.Occur.MUST);
      if (allWords != null && drop < 2) {
        full.add(allWords, BooleanClause.Occur.SHOULD);
      }
      if (drop < 1) {
        bonus.forEach(x -> full.add(x, BooleanClause.Occur.SHOULD));
      }
      Query relaxed = full.build();
      if (clauses(relaxed) <= budget) {
        return new TextQueries(strict, relaxed);
      }
    }
    return new TextQueries(strict, null);
  }

  /**
   * {@code strict} with the proximity bonus for its adjacent plain words (analysed in context) as
   * optional clauses: the same articles match, those where the words stand near each other rank
   * higher. {@code strict} itself when there are fewer than two such words or the clause budget
   * would be exceeded.
   */
  private Query rankedNear(Query strict, PortalQuery q, boolean titleOnly, LongQueryPolicy policy) {
    List<String> words = new ArrayList<>();
    List<Boolean> title = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    List<PortalQuery.Clause> clauses = q.clauses();
    for (int i = 0; i < clauses.size(); i++) {
      PortalQuery.Clause c = clauses.get(i);
      if (c.plain() && c.alternatives().size() == 1) {
        words.add(c.alternatives().get(0).text());
        title.add(titleOnly || c.alternatives().get(0).field() == PortalQuery.Field.TITLE);
        index.add(i);
      }
    }
    if (words.size() < 2) {
      return strict;
    }
    List<List<String>> tokens = policy.context() ? tokensInContext(words) : words.stream().map(w -> tokens(Fields.BODY, w)).toList();
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(strict, BooleanClause.Occur.MUST);
    int bonuses = 0;
    for (int i = 0; i + 1 < words.size(); i++) {
      List<String> here = tokens.get(i);
      List<String> next = tokens.get(i + 1);
      if (here.isEmpty() || next.isEmpty() || index.get(i + 1) != index.get(i) + 1) {
        continue; // only words next to each other in the query
      }
      List<String> pair = new ArrayList<>(here);
      pair.addAll(next);
      b.add(new BoostQuery(near(pair, policy.slop(), title.get(i) && title.get(i + 1)), policy.proximity()), BooleanClause.Occur.SHOULD);
      bonuses++;
    }
    if (bonuses == 0) {
      return strict;
    }
    Query ranked = b.build();
    return clauses(ranked) <= IndexSearcher.getMaxClauseCount() ? ranked : strict;
  }

  /**
   * The leaf queries of a query (a term or a phrase is one), as {@link IndexSearcher} counts them
   * against {@link IndexSearcher#getMaxClauseCount()}.
   */
  static int clauses(Query q) {
    int[] n = {0};
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... terms) {
        n[0]++;
      }

      @Override
      public void consumeTermsMatching(
          Query query, String field, java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
        n[0]++;
      }

      @Override
      public void visitLeaf(Query query) {
        n[0]++;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return n[0];
  }

  /** Whether the query is phrased as a question: it ends with a question mark. */
  static boolean isQuestion(String text) {
    String t = text == null ? "" : text.strip();
    return t.endsWith("?") || t.endsWith("？");
  }

  /** One token in the headline (boosted) or the body; the headline only when {@code titleOnly}. */
  private static Query fieldTerms(String token, boolean titleOnly) {
    Query title = new TermQuery(new Term(Fields.TITLE, token));
    if (titleOnly) {
      return title;
    }
    return new BooleanQuery.Builder()
        .add(new BoostQuery(title, TITLE_BOOST), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(Fields.BODY, token)), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** The tokens in order within {@code slop} positions, in the headline (boosted) or the body. */
  private static Query near(List<String> tokens, int slop, boolean titleOnly) {
    Query title = phrase(Fields.TITLE, tokens, slop);
    if (titleOnly) {
      return title;
    }
    return new BooleanQuery.Builder()
        .add(new BoostQuery(title, TITLE_BOOST), BooleanClause.Occur.SHOULD)
        .add(phrase(Fields.BODY, tokens, slop), BooleanClause.Occur.SHOULD)
        .build();
  }

  private static Query phrase(String field, List<String> tokens, int slop) {
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    for (int i = 0; i < tokens.size(); i++) {
      pb.add(new Term(field, tokens.get(i)), i);
    }
    pb.setSlop(slop);
    return pb.build();
  }

  /**
   * The tokens of each word, the words analysed together as one text (joined by spaces), each
   * token given to the word its offsets fall in.
   */
  List<List<String>> tokensInContext(List<String> words) {
    List<List<String>> out = new ArrayList<>(words.size());
    int[] ends = new int[words.size()];
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(words.get(i));
      ends[i] = text.length();
      out.add(new ArrayList<>());
    }
    if (words.isEmpty()) {
      return out;
    }
    int w = 0;
    for (Token t : analysis(analyzer, Fields.BODY, text.toString())) {
      while (w < ends.length - 1 && t.start() >= ends[w]) {
        w++;
      }
      out.get(w).add(t.term());
    }
    return out;
  }

  /** The analysed tokens of {@code text}, in order. */
  List<String> tokens(String field, String text) {
    List<Token> tokens = analysis(analyzer, field, text);
    List<String> terms = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      terms.add(t.term());
    }
    return terms;
  }

  /** One token of an analysed text: its term, position increment and offsets. */
  record Token(String term, int positionIncrement, int start, int end) {}

  /** The analyses made while one request's queries are built, or null outside {@link #sharingAnalyses}. */
  private static final ThreadLocal<Map<Analyzer, Map<String, List<Token>>>> SHARED = new ThreadLocal<>();

  /** Something built from a request's words. */
  public interface Build<T> {
    T build();
  }

  /**
   * Runs {@code build} with each text analysed once per analyzer and field: the words of a request
   * are analysed several times while its queries are built (the headline and body queries, the
   * aliases, the joined and spaced variants, the lead bonus, the words to mark), always to the
   * same tokens. Nested calls share the outer call's analyses; none outlive it.
   */
  public static <T> T sharingAnalyses(Build<T> build) {
    if (SHARED.get() != null) {
      return build.build();
    }
    SHARED.set(new java.util.IdentityHashMap<>());
    try {
      return build.build();
    } finally {
      SHARED.remove();
    }
  }

  /** The tokens of {@code text} as {@code analyzer} analyses it for {@code field} (see {@link #sharingAnalyses}). */
  static List<Token> analysis(Analyzer analyzer, String field, String text) {
    Map<Analyzer, Map<String, List<Token>>> all = SHARED.get();
    Map<String, List<Token>> shared = all == null ? null : all.computeIfAbsent(analyzer, a -> new HashMap<>());
    String key = field + "\u0000" + text;
    if (shared != null) {
      List<Token> known = shared.get(key);
      if (known != null) {
        return known;
      }
    }
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Token(term.toString(), inc.getPositionIncrement(), offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Token> tokens = List.copyOf(out);
    if (shared != null) {
      shared.put(key, tokens);
    }
    return tokens;
  }

  /**
   * A text query taken apart for a score multiplier such as freshness: {@code scored}, the part
   * whose score is multiplied, and {@code allWords}, the constant all-words bonus of a relaxed
   * query (null when there is none), added after. Multiplying the bonus as well would let a factor
   * a hair larger outweigh every text difference among the articles holding every word.
   */
  public record Multiplied(Query scored, Query allWords) {}

  /** {@code text} taken apart as {@link Multiplied} says. */
  public static Multiplied forMultiplier(Query text) {
    if (text instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0) {
      Query bonus = null;
      BooleanQuery.Builder rest = new BooleanQuery.Builder();
      for (BooleanClause c : b.clauses()) {
        if (bonus == null && c.getOccur() == BooleanClause.Occur.SHOULD && isAllWordsBonus(c.getQuery())) {
          bonus = c.getQuery();
        } else {
          rest.add(c);
        }
      }
      if (bonus != null) {
        return new Multiplied(rest.build(), bonus);
      }
    }
    return new Multiplied(text, null);
  }

  private static boolean isAllWordsBonus(Query q) {
    return q instanceof BoostQuery bq && bq.getBoost() == ALL_WORDS_BONUS && bq.getQuery() instanceof ConstantScoreQuery;
  }

  /** Only the words to mark in snippets: positive headline/body terms. */
  public Query highlightQuery(PortalQuery q, boolean titleOnly) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    List<PortalQuery.Clause> all = q.clauses();
    for (int i = 0; i + 1 < all.size(); i++) {
      String joined = joinedVariant(all.get(i), all.get(i + 1));
      if (joined != null) {
        Query whole = termQuery(new PortalQuery.Term(all.get(i).alternatives().get(0).field(), joined, false), titleOnly);
        if (whole != null) {
          b.add(whole, BooleanClause.Occur.SHOULD);
        }
      }
    }
    for (PortalQuery.Clause c : q.clauses()) {
      if (c.exclude()) {
        continue;
      }
      for (PortalQuery.Term t : c.alternatives()) {
        if (t.field() == PortalQuery.Field.TEXT || t.field() == PortalQuery.Field.TITLE) {
          Query tq = termQuery(t, titleOnly, true);
          if (tq != null) {
            b.add(tq, BooleanClause.Occur.SHOULD);
          }
        }
      }
    }
    return b.build();
  }

  /** Press (any of) and period filters; null when there are none. */
  Query pressFilter(SearchRequest r) {
    if (r.press().isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String p : r.press()) {
      String k = Keys.of(p);
      if (k != null) {
        b.add(new TermQuery(new Term(Fields.PRESS_KEY, k)), BooleanClause.Occur.SHOULD);
      }
    }
    return b.build();
  }

  Query periodFilter(SearchRequest r) {
    if (r.from() == null && r.to() == null) {
      return null;
    }
    long from = r.from() == null ? Long.MIN_VALUE : r.from().toEpochMilli();
    long to = r.to() == null ? Long.MAX_VALUE : r.to().toEpochMilli();
    return LongPoint.newRangeQuery(Fields.PUBLISHED, from, to);
  }

  private Query termQuery(PortalQuery.Term t, boolean titleOnly) {
    return termQuery(t, titleOnly, false);
  }

  /**
   * One term of the query; {@code highlight} builds it for the highlight query, which leaves out
   * the suffix contractions and the name + abbreviation parts: those forms are found but not
   * marked (with both {@code 성균관 대} and {@code 성균관 대학교} in one highlight query, the embedded
   * highlighter and OpenSearch's picked different passages for a few articles).
   */
  private Query termQuery(PortalQuery.Term t, boolean titleOnly, boolean highlight) {
    switch (t.field()) {
      case PRESS -> {
        String k = Keys.of(t.text());
        return k == null ? null : new TermQuery(new Term(Fields.PRESS_KEY, k));
      }
      case REPORTER -> {
        String k = Keys.of(t.text().replaceFirst("\\s*기자$", ""));
        return k == null ? null : new TermQuery(new Term(Fields.REPORTER_KEY, k));
      }
      case TITLE -> {
        return withAliases(t, true, highlight);
      }
      default -> {
        return withAliases(t, titleOnly, highlight);
      }
    }
  }

  /**
   * The word in the headline (boosted) or the body, or the headline only; with the forms of its
   * abbreviation pair as alternatives, and its spaced form when that reads differently ({@code
   * 챗GPT}, a dictionary word, is also found as {@code 챗 GPT}); unless it is quoted (a quoted
   * phrase means these very words).
   */
  private Query withAliases(PortalQuery.Term t, boolean titleOnly, boolean highlight) {
    Query own = textOrTitle(t.text(), titleOnly);
    if (own == null || t.phrase()) {
      return own;
    }
    List<String> aliasForms = aliasVariants(t.text());
    List<String> others = new ArrayList<>(aliasForms);
    if (useContractions && !highlight) {
      for (String c : sosik.analysis.Contractions.variants(t.text())) {
        if (!others.contains(c)) {
          others.add(c);
        }
      }
    }
    String spaced = useSpacing ? spacedAtScripts(t.text()) : null;
    if (spaced != null && !tokens(Fields.BODY, spaced).equals(tokens(Fields.BODY, t.text()))) {
      others.add(spaced);
    }
    Query parts = highlight ? null : nameAndAbbreviation(t, titleOnly);
    if (others.isEmpty() && parts == null) {
      return own;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder().add(own, BooleanClause.Occur.SHOULD);
    if (parts != null) {
      any.add(parts, BooleanClause.Occur.SHOULD);
    }
    float aw = aliasWeight;
    boolean oneName = useTransliterations && !highlight;
    for (int i = 0; i < others.size(); i++) {
      Query q = oneName && i < aliasForms.size() && transliteration(t.text(), others.get(i))
          ? textOrTitleUnless(others.get(i), t.text(), titleOnly)
          : textOrTitle(others.get(i), titleOnly);
      if (q != null) {
        any.add(i < aliasForms.size() && aw != 1f ? new BoostQuery(q, aw) : q, BooleanClause.Occur.SHOULD);
      }
    }
    return any.build();
  }

  /**
   * A name joined to an abbreviation the articles define ({@code 카카오CIC}: 카카오's CICs, its
   * 사내독립기업): both parts anywhere in the article, each with its pair's other form, as well as
   * the two side by side (which rank first, matching twice). Null unless the word splits where
   * Hangul meets Latin letters into exactly two parts and one of them has an abbreviation pair;
   * a name with a plain Latin part ({@code LG전자}) stays one phrase.
   */
  private Query nameAndAbbreviation(PortalQuery.Term t, boolean titleOnly) {
    if (!useAliases || !useNameParts) {
      return null;
    }
    String spaced = spacedAtScripts(t.text());
    if (spaced == null) {
      return null;
    }
    String[] parts = spaced.split(" ");
    if (parts.length != 2 || (aliasVariants(parts[0]).isEmpty() && aliasVariants(parts[1]).isEmpty())) {
      return null;
    }
    BooleanQuery.Builder both = new BooleanQuery.Builder();
    for (String p : parts) {
      Query q = withAliases(new PortalQuery.Term(t.field(), p, false), titleOnly, false);
      if (q == null) {
        return null;
      }
      both.add(q, BooleanClause.Occur.MUST);
    }
    return both.build();
  }

  /** {@code 챗GPT} → {@code 챗 GPT}: a space where Hangul meets Latin letters or digits; null when none. */
  static String spacedAtScripts(String word) {
    StringBuilder b = new StringBuilder(word.length() + 4);
    boolean changed = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (i > 0) {
        char p = word.charAt(i - 1);
        boolean ph = Character.UnicodeScript.of(p) == Character.UnicodeScript.HANGUL;
        boolean ch = Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
        if (ph != ch && Character.isLetterOrDigit(p) && Character.isLetterOrDigit(c)) {
          b.append(' ');
          changed = true;
        }
      }
      b.append(c);
    }
    return changed ? b.toString() : null;
  }

  /**
   * Two adjacent plain words written apart that the analyser reads differently once joined
   * ({@code 챗 GPT} and the dictionary word {@code 챗GPT}): the joined word, else null.
   */
  private String joinedVariant(PortalQuery.Clause a, PortalQuery.Clause b) {
    if (!useSpacing || !a.plain() || !b.plain() || a.alternatives().size() != 1 || b.alternatives().size() != 1) {
      return null;
    }
    PortalQuery.Term ta = a.alternatives().get(0);
    PortalQuery.Term tb = b.alternatives().get(0);
    if (ta.field() != tb.field()) {
      return null;
    }
    String joined = ta.text() + tb.text();
    List<String> first = tokens(Fields.BODY, ta.text());
    List<String> second = tokens(Fields.BODY, tb.text());
    if (first.isEmpty() || second.isEmpty()) {
      return null; // a word that is only a particle is dropped, as ever
    }
    List<String> apart = new ArrayList<>(first);
    apart.addAll(second);
    List<String> together = tokens(Fields.BODY, joined);
    return together.isEmpty() || together.equals(apart) ? null : joined;
  }

  /**
   * Whether a pair writes one name in two scripts rather than abbreviating a phrase: one form all
   * Hangul, the other all Latin letters, and fewer Hangul syllables than Latin letters ({@code
   * 네이버} = {@code NAVER}, {@code 킨텍스} = {@code KINTEX}). An abbreviation's letters each stand
   * for a word of one syllable or more, so its long form has at least as many syllables as it has
   * letters ({@code IPO} = {@code 기업공개}, {@code AI} = {@code 인공지능}, {@code CEO} = {@code
   * 최고경영자}).
   */
  static boolean transliteration(String a, String b) {
    int ha = hangulSyllables(a);
    int hb = hangulSyllables(b);
    if (ha > 0 && ha == a.length()) {
      int letters = latinLetters(b);
      return letters == b.length() && ha < letters;
    }
    if (hb > 0 && hb == b.length()) {
      int letters = latinLetters(a);
      return letters == a.length() && hb < letters;
    }
    return false;
  }

  private static int hangulSyllables(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\uAC00' && c <= '\uD7A3') {
        n++;
      }
    }
    return n;
  }

  private static int latinLetters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        n++;
      }
    }
    return n;
  }

  /**
   * The other form of a pair that writes one name in two scripts, as a fallback for the word as
   * typed: in the headline where the headline does not hold the typed word, in the body where the
   * body does not. An article that writes both ({@code 네이버} throughout, {@code NAVER(035420)}
   * once in a stock listing) is scored by the word as typed, as if the pair were not there (one
   * name written two ways is not two words found); one that writes only the other form is still
   * found and scored by it. What matches is unchanged: where the typed word keeps this clause out,
   * the typed word's own clause matches.
   */
  private Query textOrTitleUnless(String text, String typed, boolean titleOnly) {
    Query title = unless(Fields.TITLE, text, typed);
    if (title == null) {
      return null;
    }
    float[] w = idfRatios(text, typed);
    if (titleOnly) {
      return w[0] == 1f ? title : new BoostQuery(title, w[0]);
    }
    Query body = unless(Fields.BODY, text, typed);
    return new BooleanQuery.Builder()
        .add(new BoostQuery(title, TITLE_BOOST * w[0]), BooleanClause.Occur.SHOULD)
        .add(w[1] == 1f ? body : new BoostQuery(body, w[1]), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * The weights of a name's other script in the headline and the body: BM25's idf of the typed
   * form over the other's, at most 1, so that a rarer script ({@code NAVER} in headlines, where
   * the company is written {@code 네이버}) scores as the name typed, not as a rarer word. 1 when
   * off, without {@link TermCounts}, or when either form is several tokens.
   */
  private float[] idfRatios(String text, String typed) {
    TermCounts counts = termCounts;
    float[] w = {1f, 1f};
    if (!useTransliterationIdf || counts == null) {
      return w;
    }
    String[] fields = {Fields.TITLE, Fields.BODY};
    List<Term> terms = new ArrayList<>();
    for (String f : fields) {
      if (!(analyzed(f, typed) instanceof TermQuery a) || !(analyzed(f, text) instanceof TermQuery b)) {
        return w;
      }
      terms.add(a.getTerm());
      terms.add(b.getTerm());
    }
    long[] n;
    try {
      n = counts.count(terms);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < fields.length; i++) {
      long typedDf = n[1 + 2 * i];
      long otherDf = n[2 + 2 * i];
      if (otherDf > 0) {
        w[i] = (float) Math.min(1.0, idf(typedDf, n[0]) / idf(otherDf, n[0]));
      }
    }
    return w;
  }

  /** BM25's idf, as Lucene's {@code BM25Similarity} computes it. */
  static double idf(long docFreq, long docCount) {
    return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
  }

  /** {@code text} in {@code field} where the field does not hold {@code typed}. */
  private Query unless(String field, String text, String typed) {
    Query q = analyzed(field, text);
    Query not = analyzed(field, typed);
    if (q == null || not == null) {
      return q;
    }
    return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(not, BooleanClause.Occur.MUST_NOT).build();
  }

  private Query textOrTitle(String text, boolean titleOnly) {
    Query title = analyzed(Fields.TITLE, text);
    if (title == null) {
      return null;
    }
    if (titleOnly) {
      return title;
    }
    return new BooleanQuery.Builder()
        .add(new BoostQuery(title, TITLE_BOOST), BooleanClause.Occur.SHOULD)
        .add(analyzed(Fields.BODY, text), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * A term query for one token, a phrase for several (a word Nori splits, or a quoted phrase);
   * while stored articles are being re-analysed after a dictionary change, either that or the
   * word as the old dictionary read it.
   */
  Query analyzed(String field, String text) {
    Query now = analyzed(analyzer, field, text);
    Analyzer before = previous.get();
    if (before == null || now == null) {
      return now;
    }
    Query then = analyzed(before, field, text);
    if (then == null || then.equals(now)) {
      return now;
    }
    return new BooleanQuery.Builder().add(now, BooleanClause.Occur.SHOULD).add(then, BooleanClause.Occur.SHOULD).build();
  }

  private static Query analyzed(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    int pos = -1;
    for (Token t : analysis(analyzer, field, text)) {
      pos += t.positionIncrement();
      terms.add(t.term());
      positions.add(pos);
    }
    if (terms.isEmpty()) {
      return null;
    }
    if (terms.size() == 1) {
      return new TermQuery(new Term(field, terms.get(0)));
    }
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    for (int i = 0; i < terms.size(); i++) {
      pb.add(new Term(field, terms.get(i)), positions.get(i));
    }
    return pb.build();
  }
}

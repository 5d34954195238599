package sosik.analysis;

import java.io.Reader;
import java.util.EnumSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;

/**
 * Sosik's one Korean analysis chain, used for indexing and for queries alike.
 *
 * <ol>
 *   <li>{@link KoreanNormalizingCharFilter}: middle dots to spaces, NFKC width/compatibility
 *       folding, offsets kept;
 *   <li>Nori's {@link KoreanTokenizer} with the user dictionary, compounds decompounded
 *       ({@code DISCARD}: 반도체 becomes 반 + 도체 on both sides, so 시스템반도체 is found by
 *       반도체), punctuation kept for the next step;
 *   <li>{@link NumberJoinFilter}: {@code 10.1} and {@code 2,646} stay one number;
 *   <li>{@link UserWordParticleFilter}: no junk particle token after a user word (엔비디아의);
 *   <li>{@link PartOfSpeechDropFilter}: particles, endings, punctuation dropped, no position gaps;
 *   <li>{@link KoreanReadingFormFilter}: Hanja to their Hangul reading (韓 → 한);
 *   <li>{@link LowerCaseFilter}: Latin lower-cased.
 * </ol>
 *
 * Mixed-script words split by script (AI반도체 → ai, 반, 도체); numbers and their units are
 * separate tokens (3400억원 → 3400, 억, 원), so a query for 3400억 matches as a phrase.
 */
public final class KoreanNewsAnalyzer extends Analyzer {
  /** Bumped whenever the chain changes what it emits; an index built with another needs a reindex. */
  public static final int VERSION = 1;

  /** Nori's default stop tags plus punctuation and symbols. */
  public static final Set<POS.Tag> DROP_TAGS;

  static {
    EnumSet<POS.Tag> tags = EnumSet.copyOf(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
    tags.addAll(EnumSet.of(POS.Tag.SF, POS.Tag.SY, POS.Tag.SC, POS.Tag.SE, POS.Tag.SP, POS.Tag.SSO, POS.Tag.SSC));
    DROP_TAGS = Set.copyOf(tags);
  }

  private final UserDictionary userDictionary;
  private final Set<String> userWords;

  public KoreanNewsAnalyzer(NewsDictionary dictionary) {
    this.userDictionary = dictionary.userDictionary();
    this.userWords = dictionary.words();
  }

  /** The analyzer with the bundled news dictionary only. */
  public static KoreanNewsAnalyzer withDefaultDictionary() {
    return new KoreanNewsAnalyzer(NewsDictionary.load(null));
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new KoreanNormalizingCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    KoreanTokenizer tokenizer =
        new KoreanTokenizer(
            TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
            userDictionary,
            KoreanTokenizer.DecompoundMode.DISCARD,
            false,
            false);
    TokenStream ts = new NumberJoinFilter(tokenizer);
    ts = new UserWordParticleFilter(ts, userWords);
    ts = new PartOfSpeechDropFilter(ts, DROP_TAGS);
    ts = new KoreanReadingFormFilter(ts);
    ts = new LowerCaseFilter(ts);
    return new TokenStreamComponents(tokenizer, ts);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}

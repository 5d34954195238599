package sosik.analysis;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Removes the junk token Nori leaves after a user-dictionary word: the particle in {@code
 * 엔비디아의} comes out as the noun {@code 의} (NNG) instead of a particle, because user words get a
 * fixed connection cost. A particle-like token glued to a user word (no space between) is dropped.
 */
public final class UserWordParticleFilter extends TokenFilter {
  static final Set<String> PARTICLES =
      Set.of(
          "의", "와", "과", "은", "는", "이", "가", "을", "를", "에", "도", "로", "만", "나", "랑",
          "에서", "으로", "에게", "까지", "부터", "보다", "처럼", "에는", "와의", "과의", "이나", "이다", "이라");

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PartOfSpeechAttribute pos = addAttribute(PartOfSpeechAttribute.class);
  private final Set<String> userWords;
  private int userWordEnd = -1;

  /** {@code userWords}: the user dictionary's words, as written. */
  public UserWordParticleFilter(TokenStream in, Set<String> userWords) {
    super(in);
    this.userWords = userWords;
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      boolean glued = offset.startOffset() == userWordEnd;
      if (glued && pos.getLeftPOS() != POS.Tag.J && PARTICLES.contains(term.toString())) {
        userWordEnd = -1;
        continue;
      }
      userWordEnd = userWords.contains(term.toString()) ? offset.endOffset() : -1;
      return true;
    }
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    userWordEnd = -1;
  }
}

package sosik.analysis;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops particles, endings, punctuation and the other parts of speech that carry no search
 * meaning, <em>without</em> leaving position gaps: {@code 반도체가 산업} and {@code 반도체 산업}
 * give the same positions, so a phrase written without particles still matches.
 */
public final class PartOfSpeechDropFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PartOfSpeechAttribute pos = addAttribute(PartOfSpeechAttribute.class);
  private final Set<POS.Tag> dropTags;

  public PartOfSpeechDropFilter(TokenStream in, Set<POS.Tag> dropTags) {
    super(in);
    this.dropTags = dropTags;
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      POS.Tag tag = pos.getLeftPOS();
      if ((tag == null || !dropTags.contains(tag)) && hasLetterOrDigit()) {
        return true;
      }
    }
    return false;
  }

  private boolean hasLetterOrDigit() {
    for (int i = 0; i < term.length(); i++) {
      if (Character.isLetterOrDigit(term.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}

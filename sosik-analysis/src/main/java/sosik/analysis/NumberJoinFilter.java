package sosik.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Joins the pieces Nori splits a number into: decimals ({@code 10} {@code .} {@code 1} becomes
 * {@code 10.1}) and thousands separators ({@code 2} {@code ,} {@code 646} becomes {@code 2646}).
 * Pieces join only when they touch (no space between). Needs the tokenizer to keep punctuation.
 */
public final class NumberJoinFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PartOfSpeechAttribute pos = addAttribute(PartOfSpeechAttribute.class);
  private final ArrayDeque<State> pending = new ArrayDeque<>();

  public NumberJoinFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(pending.removeFirst());
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!isNumber()) {
      return true;
    }
    State number = captureState();
    String text = term.toString();
    int start = offset.startOffset();
    int end = offset.endOffset();
    boolean sawDecimal = false;
    while (true) {
      if (!input.incrementToken()) {
        break;
      }
      State sep = captureState();
      String sepText = term.toString();
      boolean separator = (sepText.equals(".") && !sawDecimal) || sepText.equals(",");
      if (!separator || offset.startOffset() != end) {
        pending.addLast(sep);
        break;
      }
      int sepEnd = offset.endOffset();
      if (!input.incrementToken()) {
        pending.addLast(sep);
        break;
      }
      State next = captureState();
      String nextText = term.toString();
      boolean digits = isNumber() && offset.startOffset() == sepEnd;
      boolean thousands = sepText.equals(",") && nextText.length() == 3 && !sawDecimal;
      if (!digits || (sepText.equals(",") && !thousands)) {
        pending.addLast(sep);
        pending.addLast(next);
        break;
      }
      text = sepText.equals(".") ? text + "." + nextText : text + nextText;
      sawDecimal |= sepText.equals(".");
      end = offset.endOffset();
    }
    // emit the joined number now, the look-ahead later
    restoreState(number);
    term.setEmpty().append(text);
    offset.setOffset(start, end);
    return true;
  }

  private boolean isNumber() {
    if (pos.getLeftPOS() != POS.Tag.SN || term.length() == 0) {
      return false;
    }
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
  }
}

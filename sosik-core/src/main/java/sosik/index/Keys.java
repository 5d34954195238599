package sosik.index;

import java.text.Normalizer;
import java.util.Locale;

/** Exact-match keys for press, reporter and dateline: width-folded, lower-case, no spaces. */
public final class Keys {
  private Keys() {}

  public static String of(String s) {
    if (s == null) {
      return null;
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    return n.isEmpty() ? null : n;
  }
}

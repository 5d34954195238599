package sosik.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Korean press names Sosik knows ({@code press-names.txt} in this package): each press's own
 * name, its Naver press code ({@code oid}) and other spellings of it, such as the labels Naver's
 * listings used ({@code edaily}, {@code MoneyToday}) or the names in copyright lines
 * ({@code 뉴시스통신사}). Names compare ignoring case and spaces.
 */
public final class PressNames {
  public static final String RESOURCE = "press-names.txt";

  /** Normalised spelling → the press's name. */
  private static final Map<String, String> BY_KEY = new HashMap<>();
  private static final Map<String, String> BY_OID = new HashMap<>();
  /** Every spelling, longest first, as one pattern: the earliest and then longest match wins. */
  private static final Pattern ANY;

  static {
    List<String> spellings = new ArrayList<>();
    try (InputStream in = PressNames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("press list " + RESOURCE + " is missing from the build");
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        int hash = line.indexOf('#');
        if (hash >= 0) {
          line = line.substring(0, hash);
        }
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\\|", -1);
        if (parts.length != 3 || parts[0].isBlank()) {
          throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": expected 'NAME | OID | ALIAS, …'");
        }
        String name = parts[0].strip();
        String oid = parts[1].strip();
        if (!oid.isEmpty()) {
          BY_OID.put(oid, name);
        }
        List<String> all = new ArrayList<>();
        all.add(name);
        for (String alias : parts[2].split(",")) {
          if (!alias.isBlank()) {
            all.add(alias.strip());
          }
        }
        for (String s : all) {
          String previous = BY_KEY.put(key(s), name);
          if (previous != null && !previous.equals(name)) {
            throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": '" + s + "' already names " + previous);
          }
          spellings.add(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spellings.sort(Comparator.comparingInt((String s) -> key(s).length()).reversed());
    StringBuilder re = new StringBuilder();
    for (String s : spellings) {
      if (re.length() > 0) {
        re.append('|');
      }
      String k = s.replaceAll("\\s+", "");
      if (isLatinOrDigit(k.charAt(0))) {
        re.append("(?<![A-Za-z0-9])");
      }
      for (int i = 0; i < k.length(); i++) {
        if (i > 0) {
          re.append("\\s*");
        }
        re.append(Pattern.quote(String.valueOf(k.charAt(i))));
      }
      if (isLatinOrDigit(k.charAt(k.length() - 1))) {
        re.append("(?![A-Za-z0-9])");
      }
    }
    ANY = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
  }

  private PressNames() {}

  private static boolean isLatinOrDigit(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static String key(String s) {
    return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  /** True when {@code name} is a press name or another spelling of one Sosik knows. */
  public static boolean isKnown(String name) {
    return name != null && BY_KEY.containsKey(key(name));
  }

  /**
   * The press's own name for a known spelling ({@code edaily} → {@code 이데일리}); any other name
   * comes back stripped, with runs of spaces made one. Null stays null.
   */
  public static String canonical(String name) {
    if (name == null) {
      return null;
    }
    String known = BY_KEY.get(key(name));
    return known != null ? known : name.strip().replaceAll("\\s+", " ");
  }

  /** True when both name the same press (after {@link #canonical}, ignoring case and spaces). */
  public static boolean same(String a, String b) {
    return a != null && b != null && key(canonical(a)).equals(key(canonical(b)));
  }

  /** The press whose Naver code is {@code oid} (e.g. {@code 018}), or null. */
  public static String byNaverOid(String oid) {
    return oid == null ? null : BY_OID.get(oid);
  }

  /** A known press name found in a text: the press's own name and where the spelling stood. */
  public record Found(String name, int start, int end) {}

  /** The earliest known press name in {@code text[from, to)} (the longest at that place), or null. */
  public static Found find(CharSequence text, int from, int to) {
    Matcher m = ANY.matcher(text).region(from, to);
    if (!m.find()) {
      return null;
    }
    return new Found(BY_KEY.get(key(m.group())), m.start(), m.end());
  }
}

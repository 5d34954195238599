package sosik.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ko.dict.UserDictionary;

/**
 * The user dictionary: words Nori's stock dictionary lacks (new companies, products, press names).
 * It is the bundled list ({@code news-userdict.txt} in this package) plus the index's own file
 * ({@code userdict.txt} in the index directory), which {@code sosik dict add} extends.
 *
 * <p>File format, one entry a line, {@code #} starts a comment: a word ({@code 파네시아}), or a word
 * followed by its parts ({@code 딥테크벤처 딥테크 벤처}) when it should also be found by its parts.
 */
public final class NewsDictionary {
  public static final String BUNDLED = "news-userdict.txt";
  private static final Pattern WORD = Pattern.compile("[\\p{IsHangul}\\p{IsLatin}\\p{Nd}]{1,40}");

  private final List<String> bundled;
  private final List<String> user;
  private final List<String> parts;
  private final UserDictionary userDictionary;

  private NewsDictionary(List<String> bundled, List<String> user) {
    this.bundled = List.copyOf(bundled);
    this.user = List.copyOf(user);
    Set<String> all = new LinkedHashSet<>(bundled);
    all.addAll(user);
    this.parts = partsAsWords(all);
    all.addAll(parts);
    try {
      this.userDictionary = UserDictionary.open(new StringReader(String.join("\n", all)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the bundled list and, when {@code userFile} is given and exists, the user's entries. */
  public static NewsDictionary load(Path userFile) {
    List<String> bundled = new ArrayList<>();
    try (InputStream in = NewsDictionary.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled dictionary " + BUNDLED + " is missing from the build");
      }
      parse(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8), bundled);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> user = new ArrayList<>();
    if (userFile != null && Files.exists(userFile)) {
      try {
        parse(userFile.toString(), Files.readString(userFile, StandardCharsets.UTF_8), user);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read user dictionary " + userFile + ": " + e.getMessage(), e);
      }
    }
    return new NewsDictionary(bundled, user);
  }

  /**
   * The bundled list plus {@code userEntries}, each a dictionary line as in the file format; a bad
   * entry is rejected naming {@code source} and its position. What an OpenSearch index passes in
   * its analysis settings, so that it analyses as the embedded index does.
   */
  public static NewsDictionary of(String source, List<String> userEntries) {
    NewsDictionary bundledOnly = load(null);
    List<String> user = new ArrayList<>();
    parse(source, String.join("\n", userEntries), user);
    return new NewsDictionary(bundledOnly.bundled, user);
  }

  private static void parse(String source, String text, List<String> into) {
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      String problem = validate(line);
      if (problem != null) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + problem);
      }
      into.add(line.replaceAll("\\s+", " "));
    }
  }

  /**
   * The parts (two characters or more) of entries given with parts, that are not entries
   * themselves. Nori emits a compound entry as its parts, so 솔빛나노텍 (솔빛 나노텍) is indexed as
   * 솔빛 + 나노텍; the part must be a word too, or the query 나노텍 alone is cut into 나노 + 텍 and
   * does not find it.
   */
  private static List<String> partsAsWords(Set<String> entries) {
    Set<String> words = new LinkedHashSet<>();
    for (String e : entries) {
      words.add(e.split(" ", 2)[0]);
    }
    List<String> out = new ArrayList<>();
    for (String e : entries) {
      String[] p = e.split(" ");
      for (int i = 1; i < p.length; i++) {
        if (p[i].length() >= 2 && words.add(p[i])) {
          out.add(p[i]);
        }
      }
    }
    return out;
  }

  /** Why {@code entry} is not a valid dictionary line, or null when it is. */
  public static String validate(String entry) {
    String[] parts = entry.strip().split("\\s+");
    for (String p : parts) {
      if (!WORD.matcher(p).matches()) {
        return "'" + p + "' is not a dictionary word (Hangul, Latin letters and digits only, at most 40)";
      }
    }
    if (parts.length > 1) {
      String joined = String.join("", java.util.Arrays.copyOfRange(parts, 1, parts.length));
      if (!joined.equals(parts[0])) {
        return "the parts of '" + parts[0] + "' must spell it exactly, found '" + joined + "'";
      }
    }
    return null;
  }

  /** Every entry's word (the first column), as written. */
  public Set<String> words() {
    Set<String> w = new java.util.HashSet<>();
    for (String e : bundled) {
      w.add(e.split(" ")[0]);
    }
    for (String e : user) {
      w.add(e.split(" ")[0]);
    }
    return w;
  }

  public UserDictionary userDictionary() {
    return userDictionary;
  }

  public List<String> bundledEntries() {
    return bundled;
  }

  public List<String> userEntries() {
    return user;
  }

  /** A fingerprint of every entry; an index remembers it to notice a changed dictionary. */
  public String fingerprint() {
    String key = String.join("\n", bundled) + "\n--\n" + String.join("\n", user);
    if (!parts.isEmpty()) {
      key += "\n--parts\n" + String.join("\n", parts); // analysis that changed with the parts as words
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

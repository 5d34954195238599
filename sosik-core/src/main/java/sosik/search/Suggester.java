package sosik.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import sosik.analysis.KeyboardHangul;
import sosik.index.NewsIndex;

/**
 * Completion for the search box: words from the headlines (particles cut off by the analyzer, so
 * 반도체가 counts as 반도체), ranked by how many headlines hold them. Matching is on jamo, so a word
 * half-typed ({@code 반도}, {@code 반돛}) and initial consonants alone ({@code ㅂㄷㅊ}) both reach
 * {@code 반도체}; keys typed in English mode ({@code qksehc}) are read as Hangul too.
 */
public final class Suggester {
  /** One completion and the number of headlines holding it. */
  public record Suggestion(String text, long count) {}

  private static final int MAX_WORDS = 200_000;
  private static final int MAX_SCAN = 20_000;

  private final NavigableMap<String, List<Suggestion>> byJamo = new TreeMap<>();
  private final NavigableMap<String, List<Suggestion>> byInitials = new TreeMap<>();
  private final int size;
  /** The words kept, most headlines first (what {@link #save} writes). */
  private final List<Suggestion> words;

  private Suggester(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<Suggestion> kept = new ArrayList<>(Math.min(entries.size(), MAX_WORDS));
    for (Map.Entry<String, Long> e : entries) {
      if (kept.size() >= MAX_WORDS) {
        break;
      }
      Suggestion s = new Suggestion(e.getKey(), e.getValue());
      kept.add(s);
      byJamo.computeIfAbsent(jamo(e.getKey()), k -> new ArrayList<>(1)).add(s);
      byInitials.computeIfAbsent(initials(e.getKey()), k -> new ArrayList<>(1)).add(s);
    }
    this.words = kept;
    this.size = kept.size();
  }

  /** No words: what a server offers while it reads the headlines for the first time. */
  public static Suggester empty() {
    return new Suggester(Map.of());
  }

  private static final String HEADER = "sosik-suggest 1 ";

  /**
   * Writes the words and their counts to {@code file}, stamped with {@code version} (the index
   * state they were read from), through a temporary file so that a reader never sees half of it.
   */
  public void save(java.nio.file.Path file, String version) throws IOException {
    java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
        w.write(HEADER + version + "\n");
        for (Suggestion s : words) {
          w.write(s.text() + "\t" + s.count() + "\n");
        }
      }
      java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      java.nio.file.Files.deleteIfExists(tmp); // gone after the move; left only by a failure
    }
  }

  /**
   * The words saved in {@code file} if they were read from the index state {@code version}; empty
   * when the file is missing, from another state, or not in this format.
   */
  public static java.util.Optional<Suggester> load(java.nio.file.Path file, String version) throws IOException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    Map<String, Long> counts = new HashMap<>();
    try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      String head = r.readLine();
      if (head == null || !head.equals(HEADER + version)) {
        return java.util.Optional.empty();
      }
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int tab = line.lastIndexOf('\t');
        if (tab <= 0) {
          return java.util.Optional.empty();
        }
        try {
          counts.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
        } catch (NumberFormatException e) {
          return java.util.Optional.empty();
        }
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Suggester(counts));
  }

  /** Collects headline words from every article of {@code index}. */
  public static Suggester build(NewsIndex index, Analyzer analyzer) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    index.forEachTitle(t -> {
      for (String w : words(analyzer, t)) {
        counts.merge(w, 1L, Long::sum);
      }
    });
    return new Suggester(counts);
  }

  /** Builds from headlines given directly (for tests and small tools). */
  public static Suggester ofTitles(List<String> titles, Analyzer analyzer) {
    Map<String, Long> counts = new HashMap<>();
    for (String t : titles) {
      for (String w : words(analyzer, t)) {
        counts.merge(w, 1L, Long::sum);
      }
    }
    return new Suggester(counts);
  }

  public int size() {
    return size;
  }

  /**
   * The words of a headline as written, without trailing particles: each run of text between
   * spaces and punctuation, cut to the span of its analysed tokens.
   */
  public static List<String> words(Analyzer analyzer, String title) {
    List<String> out = new ArrayList<>();
    for (String chunk : title.split("[\\s\\p{Punct}…‘’“”·ㆍ\\[\\]「」『』<>《》〈〉]+")) {
      if (chunk.length() < 2 || chunk.length() > 30) {
        continue;
      }
      int start = -1;
      int end = -1;
      try (TokenStream ts = analyzer.tokenStream("title", chunk)) {
        OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          if (start < 0) {
            start = o.startOffset();
          }
          end = Math.max(end, o.endOffset());
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (start >= 0 && end - start >= 2) {
        out.add(chunk.substring(start, end));
      }
    }
    return out;
  }

  /** Up to {@code n} completions of {@code prefix}, most frequent first. */
  public List<Suggestion> suggest(String prefix, int n) {
    String p = prefix == null ? "" : prefix.strip();
    if (p.isEmpty() || n <= 0) {
      return List.of();
    }
    Map<String, Suggestion> found = new HashMap<>();
    collect(byJamo, jamo(p), found);
    if (isInitialsOnly(p)) {
      collect(byInitials, p, found);
    }
    if (p.matches("[A-Za-z]+")) {
      collect(byJamo, jamo(KeyboardHangul.toHangul(p)), found);
    }
    List<Suggestion> list = new ArrayList<>(found.values());
    list.sort(Comparator.comparingLong(Suggestion::count).reversed().thenComparing(Suggestion::text));
    return list.size() > n ? list.subList(0, n) : list;
  }

  /**
   * The headline word closest to {@code word} when it is not one itself: at most one jamo off
   * (two for words of six jamo or more), the most frequent first; null when none is that close.
   * {@code 반대체} (qkseocp typed in English mode) gives {@code 반도체}.
   */
  public Suggestion closest(String word) {
    String w = word == null ? "" : word.strip();
    if (w.isEmpty() || w.contains(" ")) {
      return null;
    }
    String target = jamo(w);
    if (byJamo.containsKey(target)) {
      return null;
    }
    int limit = target.length() >= 6 ? 2 : 1;
    Suggestion best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<String, List<Suggestion>> e : byJamo.entrySet()) {
      String k = e.getKey();
      if (Math.abs(k.length() - target.length()) > limit) {
        continue;
      }
      int d = distance(k, target, limit);
      for (Suggestion s : e.getValue()) {
        if (d < bestDistance || d == bestDistance && best != null && s.count() > best.count()) {
          best = s;
          bestDistance = d;
        }
      }
    }
    return bestDistance <= limit ? best : null;
  }

  /** Levenshtein distance, or {@code limit + 1} as soon as it is known to be over the limit. */
  static int distance(String a, String b, int limit) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static void collect(NavigableMap<String, List<Suggestion>> map, String key, Map<String, Suggestion> into) {
    if (key.isEmpty()) {
      return;
    }
    int scanned = 0;
    for (List<Suggestion> l : map.subMap(key, true, key + Character.MAX_VALUE, false).values()) {
      for (Suggestion s : l) {
        into.putIfAbsent(s.text(), s);
      }
      if (++scanned >= MAX_SCAN) {
        break;
      }
    }
  }

  private static final String INITIAL = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
  private static final String MEDIAL = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
  private static final String[] FINAL = {
    "", "ㄱ", "ㄲ", "ㄱㅅ", "ㄴ", "ㄴㅈ", "ㄴㅎ", "ㄷ", "ㄹ", "ㄹㄱ", "ㄹㅁ", "ㄹㅂ", "ㄹㅅ", "ㄹㅌ", "ㄹㅍ", "ㄹㅎ", "ㅁ",
    "ㅂ", "ㅂㅅ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"
  };
  private static final String[] MEDIAL_SPLIT = {
    "ㅏ", "ㅐ", "ㅑ", "ㅒ", "ㅓ", "ㅔ", "ㅕ", "ㅖ", "ㅗ", "ㅗㅏ", "ㅗㅐ", "ㅗㅣ", "ㅛ", "ㅜ", "ㅜㅓ", "ㅜㅔ", "ㅜㅣ", "ㅠ",
    "ㅡ", "ㅡㅣ", "ㅣ"
  };

  /**
   * Hangul decomposed into compatibility jamo, compound vowels and finals split into their keys,
   * Latin lower-cased: 반돛 and 반도ㅊ both become ㅂㅏㄴㄷㅗㅊ, a prefix of 반도체's ㅂㅏㄴㄷㅗㅊㅔ.
   */
  static String jamo(String s) {
    StringBuilder sb = new StringBuilder(s.length() * 3);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xAC00 && c <= 0xD7A3) {
        int x = c - 0xAC00;
        sb.append(INITIAL.charAt(x / (21 * 28)));
        sb.append(MEDIAL_SPLIT[(x % (21 * 28)) / 28]);
        sb.append(FINAL[x % 28]);
      } else if (MEDIAL.indexOf(c) >= 0) {
        sb.append(MEDIAL_SPLIT[MEDIAL.indexOf(c)]);
      } else if (!Character.isWhitespace(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /** The initial consonant of each syllable: 반도체 → ㅂㄷㅊ. */
  static String initials(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xAC00 && c <= 0xD7A3) {
        sb.append(INITIAL.charAt((c - 0xAC00) / (21 * 28)));
      } else if (!Character.isWhitespace(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  private static boolean isInitialsOnly(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (INITIAL.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}

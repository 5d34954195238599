package sosik.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Abbreviation pairs (short form ↔ long form) that a search for either form should also find by
 * the other: {@code 과기부} ↔ {@code 과학기술정보통신부}, {@code MS} ↔ {@code 마이크로소프트}.
 *
 * <p>A pair is <b>learned</b> from the articles that define it ({@link AbbreviationFinder}); a
 * learned pair is only a candidate until it is <b>trusted</b>: seen in {@link Trust#minArticles}
 * different articles, or in {@link Trust#minArticlesFromPresses} from at least {@link
 * Trust#minPresses} different presses. Of the trusted long forms of one short form, only the most
 * often seen counts (MS is 마이크로소프트, not also a rarer 모건스탠리). A <b>manual</b> pair is always
 * used; a <b>removed</b> pair is never used nor learned again. Manual and removed entries override
 * learned ones.
 *
 * <p>Stored as {@code aliases.tsv} beside an index, one pair a line: {@code short TAB long TAB
 * state TAB articles TAB presses TAB example article ids}; {@link #fromSettings} builds a table
 * from plain {@code short=long} lines, for a setting that lists pairs.
 */
public final class Aliases {
  public static final String FILE = "aliases.tsv";
  /** Article ids and presses remembered per pair; enough to count up to any sane threshold. */
  static final int KEEP = 12;

  /** When a learned pair is trusted. */
  public record Trust(int minArticles, int minArticlesFromPresses, int minPresses) {
    /** Three articles, or two from two presses. */
    public static final Trust DEFAULT = new Trust(3, 2, 2);

    boolean trusts(Entry e) {
      return e.articles >= minArticles || e.articles >= minArticlesFromPresses && e.presses.size() >= minPresses;
    }
  }

  /** Where a pair comes from. */
  public enum State {
    LEARNED,
    MANUAL,
    REMOVED
  }

  /** One pair and what is known of it. */
  public static final class Entry {
    final String shortForm;
    final String longForm;
    State state;
    int articles;
    final LinkedHashSet<String> ids = new LinkedHashSet<>();
    final LinkedHashSet<String> presses = new LinkedHashSet<>();

    Entry(String shortForm, String longForm, State state) {
      this.shortForm = shortForm;
      this.longForm = longForm;
      this.state = state;
    }

    public String shortForm() {
      return shortForm;
    }

    public String longForm() {
      return longForm;
    }

    public State state() {
      return state;
    }

    public int articles() {
      return articles;
    }

    public Set<String> presses() {
      return Set.copyOf(presses);
    }

    public List<String> exampleIds() {
      return List.copyOf(ids);
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final AbbreviationFinder finder = new AbbreviationFinder();
  private Trust trust = Trust.DEFAULT;
  /** Forms never learned (press names, say); set by whoever knows them. */
  private java.util.function.Predicate<String> notAForm = f -> false;
  private int version;
  /** short or long form (normalised) → the other forms in use; rebuilt after a change. */
  private Map<String, List<String>> variants;

  public Aliases() {}

  public synchronized Aliases trust(Trust t) {
    this.trust = java.util.Objects.requireNonNull(t, "trust");
    changed();
    return this;
  }

  /** Forms that are never learned as either side of a pair (press names, reporters' names). */
  public synchronized Aliases notLearning(java.util.function.Predicate<String> notAForm) {
    this.notAForm = java.util.Objects.requireNonNull(notAForm, "notAForm");
    return this;
  }

  /** Grows at every change; a cache of {@link #variants} compares it. */
  public synchronized int version() {
    return version;
  }

  private void changed() {
    variants = null;
    version++;
  }

  static String norm(String s) {
    return Normalizer.normalize(s.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static String key(String shortForm, String longForm) {
    return norm(shortForm) + "\t" + norm(longForm);
  }

  /** Learns the pairs one article defines; {@code id} counts each article once, {@code press} may be null. */
  public void observe(String id, String press, String text) {
    List<AbbreviationFinder.Pair> pairs = finder.find(text);
    if (pairs.isEmpty()) {
      return;
    }
    synchronized (this) {
      Set<String> seenHere = new java.util.HashSet<>();
      for (AbbreviationFinder.Pair p : pairs) {
        String k = key(p.shortForm(), p.longForm());
        if (!seenHere.add(k) || notAForm.test(p.shortForm()) || notAForm.test(p.longForm())) {
          continue;
        }
        Entry e = entries.computeIfAbsent(k, x -> new Entry(p.shortForm(), p.longForm(), State.LEARNED));
        if (id != null && e.ids.contains(id)) {
          continue; // the same article again (an update)
        }
        e.articles++;
        if (id != null && e.ids.size() < KEEP) {
          e.ids.add(id);
        }
        if (press != null && !press.isBlank() && e.presses.size() < KEEP) {
          e.presses.add(press.strip());
        }
      }
      changed();
    }
  }

  /**
   * Adds a pair by hand (trusted at once, over any learned one).
   *
   * @throws IllegalArgumentException naming the pair when a form is empty, the two are the same, or
   *     a form is not a word
   */
  public synchronized Entry add(String shortForm, String longForm) {
    String problem = validate(shortForm, longForm);
    if (problem != null) {
      throw new IllegalArgumentException("alias '" + shortForm + "' = '" + longForm + "': " + problem);
    }
    Entry e = entries.computeIfAbsent(key(shortForm, longForm), x -> new Entry(shortForm.strip(), longForm.strip(), State.MANUAL));
    e.state = State.MANUAL;
    changed();
    return e;
  }

  /** Why {@code shortForm = longForm} cannot be a pair, or null. */
  public static String validate(String shortForm, String longForm) {
    if (shortForm == null || shortForm.isBlank()) {
      return "the short form is empty";
    }
    if (longForm == null || longForm.isBlank()) {
      return "the long form is empty";
    }
    if (norm(shortForm).equals(norm(longForm))) {
      return "the two forms are the same";
    }
    for (String f : List.of(shortForm, longForm)) {
      if (f.strip().length() > 60) {
        return "'" + f.strip() + "' is longer than 60 characters";
      }
      if (f.contains("\t") || f.contains("\n") || f.contains("=")) {
        return "'" + f.strip() + "' holds a tab, a line break or '='";
      }
      if (!f.codePoints().anyMatch(Character::isLetterOrDigit)) {
        return "'" + f.strip() + "' has no letter or digit";
      }
    }
    return null;
  }

  /**
   * Stops using a pair: a manual one is dropped, a learned one is marked removed so that it is not
   * learned again. Returns false when the pair is unknown.
   */
  public synchronized boolean remove(String shortForm, String longForm) {
    Entry e = entries.get(key(shortForm, longForm));
    if (e == null) {
      return false;
    }
    if (e.state == State.MANUAL && e.articles == 0) {
      entries.remove(key(shortForm, longForm));
    } else {
      e.state = State.REMOVED;
    }
    changed();
    return true;
  }

  /** Whether a pair is used at query time. */
  public synchronized boolean inUse(Entry e) {
    return used().contains(e);
  }

  private Set<Entry> used() {
    Set<Entry> out = new LinkedHashSet<>();
    Map<String, Entry> bestLearned = new LinkedHashMap<>();
    Set<String> manualShorts = new java.util.HashSet<>();
    for (Entry e : entries.values()) {
      if (e.state == State.MANUAL) {
        out.add(e);
        manualShorts.add(norm(e.shortForm));
      }
    }
    for (Entry e : entries.values()) {
      if (e.state == State.LEARNED && trust.trusts(e)) {
        bestLearned.merge(norm(e.shortForm), e, (a, b) -> b.articles > a.articles ? b : a);
      }
    }
    for (Map.Entry<String, Entry> b : bestLearned.entrySet()) {
      if (!manualShorts.contains(b.getKey())) {
        out.add(b.getValue());
      }
    }
    return out;
  }

  /** The other forms to search along with {@code form} (a short or a long form), none when unknown. */
  public synchronized List<String> variants(String form) {
    if (variants == null) {
      Map<String, List<String>> v = new java.util.HashMap<>();
      for (Entry e : used()) {
        v.computeIfAbsent(norm(e.shortForm), k -> new ArrayList<>()).add(e.longForm);
        v.computeIfAbsent(norm(e.longForm), k -> new ArrayList<>()).add(e.shortForm);
      }
      variants = v;
    }
    return variants.getOrDefault(norm(form), List.of());
  }

  /** Every form that has variants, normalised. */
  public synchronized Set<String> forms() {
    variants("");
    return Set.copyOf(variants.keySet());
  }

  /** Every pair known, in use or not, most seen first. */
  public synchronized List<Entry> entries() {
    List<Entry> all = new ArrayList<>(entries.values());
    all.sort(Comparator.comparingInt((Entry e) -> -e.articles).thenComparing(e -> e.shortForm));
    return all;
  }

  /** The pairs in use. */
  public synchronized List<Entry> inUse() {
    return List.copyOf(used());
  }

  /** A table of manual pairs from lines {@code short=long} (blank lines and {@code #} comments skipped). */
  public static Aliases fromSettings(List<String> lines) {
    Aliases a = new Aliases();
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("alias setting " + n + " '" + line + "': expected 'SHORT=LONG'");
      }
      a.add(line.substring(0, eq), line.substring(eq + 1));
    }
    return a;
  }

  // ---- the file beside an index ----

  /** Reads {@code file}; an empty table when it does not exist. */
  public static Aliases load(Path file) {
    if (file == null || !Files.exists(file)) {
      return new Aliases();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read aliases " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), lines);
  }

  /**
   * A table from the lines {@link #lines()} gives (the file's format, wherever it is kept); {@code
   * source} names where they come from in error messages.
   */
  public static Aliases parse(String source, List<String> lines) {
    Aliases a = new Aliases();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 3) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected 'SHORT<TAB>LONG<TAB>STATE…'");
      }
      State state;
      try {
        state = State.valueOf(f[2].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": unknown state '" + f[2] + "' (learned, manual or removed)");
      }
      Entry e = new Entry(f[0], f[1], state);
      e.articles = f.length > 3 && !f[3].isBlank() ? Integer.parseInt(f[3].strip()) : 0;
      if (f.length > 4 && !f[4].isBlank()) {
        e.presses.addAll(List.of(f[4].split(",")));
      }
      if (f.length > 5 && !f[5].isBlank()) {
        e.ids.addAll(List.of(f[5].split(",")));
      }
      a.entries.put(key(e.shortForm, e.longForm), e);
    }
    return a;
  }

  /** The table as lines of the file's format: a header, then one tab-separated line per pair. */
  public synchronized List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("# short\tlong\tstate\tarticles\tpresses\tarticle ids (examples)");
    Map<String, Entry> sorted = new TreeMap<>(entries);
    for (Entry e : sorted.values()) {
      lines.add(e.shortForm + "\t" + e.longForm + "\t" + e.state.name().toLowerCase(Locale.ROOT) + "\t" + e.articles
          + "\t" + String.join(",", e.presses) + "\t" + String.join(",", e.ids));
    }
    return lines;
  }

  /** Writes the table to {@code file} (atomically). */
  public void save(Path file) throws IOException {
    List<String> lines = lines();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

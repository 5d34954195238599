package sosik.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Proposes words the dictionary lacks (파네시아, 챗GPT, 엔비디아) from a body of text.
 *
 * <p>A candidate is the start of a space-separated word (eojeol), 2 to 12 characters of Hangul,
 * Latin letters and digits with at least one Hangul syllable. It is proposed when
 *
 * <ul>
 *   <li>it appears in at least {@code minCount} texts;
 *   <li>what follows it within the word is, most of the time, nothing or a particle (파네시아,
 *       파네시아가, 파네시아의): the sign of a noun, which a string cut mid-word (파네시) lacks;
 *   <li>Nori, with the current dictionary, does not keep it whole as nouns: it cuts it into
 *       pieces of which one is a single syllable or not a noun (파네시아 → 파네 + 시 + 아).
 * </ul>
 *
 * Candidates rank by the number of texts times the share of noun-like endings; each comes with
 * how Nori reads it now and an example.
 */
public final class NewWordFinder {
  /** One proposed word. */
  public record Suggestion(String word, int texts, int occurrences, double nounEndings, List<String> noriPieces, String example, String exampleId) {}

  private static final Pattern EOJEOL = Pattern.compile("[\\p{IsHangul}A-Za-z0-9]+");
  /** Particles and the copula's common forms, as they follow a noun inside one word. */
  static final Set<String> PARTICLES = Set.of(
      "", "이", "가", "은", "는", "을", "를", "의", "에", "에서", "에게", "께", "로", "으로", "와", "과", "도", "만",
      "까지", "부터", "보다", "처럼", "이나", "나", "에는", "에서는", "으로는", "로는", "와의", "과의", "에도",
      "에서도", "로서", "로써", "과는", "와는", "에선", "엔", "측", "씨");
  /** Particles that only follow a noun (는, 만, 나 also follow verb forms: 없다는, 하지만). */
  static final Set<String> NOUN_PARTICLES = Set.of("이", "가", "을", "를", "의", "에", "에서", "으로", "로", "과", "와", "은", "에게");
  private static final int MAX_LEN = 12;

  private final NewsDictionary dictionary;
  private final int minCount;
  /** prefix → texts seen, occurrences, noun-like endings, example. */
  private final Map<String, Stat> stats = new HashMap<>();

  private static final class Stat {
    int texts;
    int occurrences;
    int nounEndings;
    int particleEndings;
    final Set<String> particles = new HashSet<>();
    String example;
    String exampleId;
  }

  public NewWordFinder(NewsDictionary dictionary, int minCount) {
    if (minCount < 1) {
      throw new IllegalArgumentException("minimum count must be 1 or more, got " + minCount);
    }
    this.dictionary = dictionary;
    this.minCount = minCount;
  }

  /** Counts the candidates of one text. */
  public void add(String id, String text) {
    if (text == null) {
      return;
    }
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
    Matcher m = EOJEOL.matcher(t);
    Set<String> here = new HashSet<>();
    while (m.find()) {
      String w = m.group();
      int max = Math.min(MAX_LEN, w.length());
      for (int len = 2; len <= max; len++) {
        String prefix = w.substring(0, len);
        if (!hasHangul(prefix) || Character.isDigit(prefix.charAt(0))) {
          continue;
        }
        Stat s = stats.computeIfAbsent(prefix, k -> new Stat());
        s.occurrences++;
        String rest = w.substring(len);
        // 기반으 + 로 is 기반 + 으로: a particle that starts inside the candidate is no noun ending
        if (PARTICLES.contains(rest) && (rest.isEmpty() || !PARTICLES.contains(prefix.charAt(len - 1) + rest))) {
          s.nounEndings++;
          if (!rest.isEmpty()) {
            s.particleEndings++;
            if (NOUN_PARTICLES.contains(rest)) {
              s.particles.add(rest);
            }
          }
        }
        if (here.add(prefix)) {
          s.texts++;
          if (s.example == null) {
            s.example = around(t, m.start(), m.end());
            s.exampleId = id;
          }
        }
      }
    }
  }

  private static boolean hasHangul(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HANGUL) {
        return true;
      }
    }
    return false;
  }

  private static String around(String text, int start, int end) {
    int from = Math.max(0, start - 20);
    int to = Math.min(text.length(), end + 20);
    return text.substring(from, to).replaceAll("\\s+", " ").strip();
  }

  /** The proposals, best first, at most {@code limit}. */
  public List<Suggestion> suggestions(int limit) {
    List<Map.Entry<String, Stat>> frequent = new ArrayList<>();
    for (Map.Entry<String, Stat> e : stats.entrySet()) {
      Stat s = e.getValue();
      // a noun ends its word or takes particles, and does take some (파네시아가, 파네시아의):
      // a verb form (밝혔다) never does
      if (s.texts >= minCount && s.nounEndings >= 0.6 * s.occurrences
          && s.particleEndings >= 0.1 * s.occurrences && s.particles.size() >= 2) {
        frequent.add(e);
      }
    }
    frequent.sort(Comparator.comparingDouble((Map.Entry<String, Stat> e) -> -score(e.getValue())).thenComparing(Map.Entry::getKey));
    Set<String> words = dictionary.words();
    List<Suggestion> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Map.Entry<String, Stat> e : frequent) {
      if (out.size() >= limit) {
        break;
      }
      String w = e.getKey();
      if (words.contains(w) || endsWithParticleOf(w, taken) || stemWithParticle(w) || knownWhole(w)) {
        continue;
      }
      List<String> pieces = new ArrayList<>();
      if (!oddlySplit(w, pieces)) {
        continue;
      }
      Stat s = e.getValue();
      taken.add(w);
      out.add(new Suggestion(w, s.texts, s.occurrences, (double) s.nounEndings / s.occurrences, pieces, s.example, s.exampleId));
    }
    return out;
  }

  private static double score(Stat s) {
    return s.texts * ((double) s.nounEndings / s.occurrences);
  }

  /** 파네시아가 when 파네시아 is already proposed. */
  private static boolean endsWithParticleOf(String w, Set<String> taken) {
    for (int i = 2; i < w.length(); i++) {
      if (taken.contains(w.substring(0, i)) && PARTICLES.contains(w.substring(i))) {
        return true;
      }
    }
    return false;
  }

  /** 기업의, 카카오뱅크의: a frequent stem (two syllables or more) and a particle. */
  private boolean stemWithParticle(String w) {
    for (int i = 2; i < w.length(); i++) {
      if (PARTICLES.contains(w.substring(i))) {
        Stat stem = stats.get(w.substring(0, i));
        if (stem != null && stem.texts >= minCount) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether Nori's dictionary holds {@code w} as one entry (이번, 올해, 관계자: compounds it knows). */
  private boolean knownWhole(String w) {
    try (KoreanTokenizer t = new KoreanTokenizer(
        TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary.userDictionary(), KoreanTokenizer.DecompoundMode.NONE, false, true)) {
      CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
      t.setReader(new StringReader(w));
      t.reset();
      int n = 0;
      boolean whole = false;
      while (t.incrementToken()) {
        n++;
        whole = term.toString().equals(w);
      }
      t.end();
      return n == 1 && whole;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether Nori, with the dictionary, reads {@code w} oddly: a piece that is not a noun (팔/VV +
   * 네/E … for 파네시아, 트/NNG + 와/J + 이스 for 트와이스), or a first piece of one syllable (엔 +
   * 비디아, 챗 + GPT); but not a noun with a particle, a 하다 verb or a copula (설명했, 중이다), and
   * not a noun with a suffix (안정적, 기업들). The pieces go to {@code pieces}.
   */
  boolean oddlySplit(String w, List<String> pieces) {
    boolean odd = false;
    POS.Tag first = null;
    POS.Tag last = null;
    String lastPiece = "";
    boolean verbal = false;
    int n = 0;
    try (KoreanTokenizer t = new KoreanTokenizer(
        TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary.userDictionary(), KoreanTokenizer.DecompoundMode.DISCARD, false, true)) {
      CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
      PartOfSpeechAttribute pos = t.addAttribute(PartOfSpeechAttribute.class);
      t.setReader(new StringReader(w));
      t.reset();
      while (t.incrementToken()) {
        String piece = term.toString();
        POS.Tag tag = pos.getLeftPOS();
        pieces.add(piece + "/" + (tag == null ? "?" : tag.name()));
        first = first == null ? tag : first;
        last = tag;
        lastPiece = piece;
        verbal |= tag == POS.Tag.XSV || tag == POS.Tag.XSA || tag == POS.Tag.VCP || tag == POS.Tag.VCN;
        boolean noun = tag == POS.Tag.NNG || tag == POS.Tag.NNP || tag == POS.Tag.NNB || tag == POS.Tag.NNBC
            || tag == POS.Tag.NR || tag == POS.Tag.SL || tag == POS.Tag.SN || tag == POS.Tag.SH || tag == POS.Tag.XSN
            || tag == POS.Tag.XPN;
        if (n == 0 && (tag == POS.Tag.NP || tag == POS.Tag.NR || tag == POS.Tag.XPN)) {
          return false; // 이들, 일주일, 대기업: a pronoun, a numeral or a prefix first, a known pattern
        }
        boolean firstSyllable = n == 0 && piece.length() == 1 && piece.length() < w.length() && hasHangul(piece);
        if (!noun || firstSyllable) {
          odd = true;
        }
        n++;
      }
      t.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean verbFirst = first == POS.Tag.VV || first == POS.Tag.VA || first == POS.Tag.VX;
    if (verbFirst && last == POS.Tag.E && Set.of("기", "음", "ᆷ", "는지", "을지", "ᆫ지", "지", "고서").contains(lastPiece)) {
      return false; // 하기, 있음, 있는지: a verb made a noun by its ending
    }
    if (last == POS.Tag.XSN && lastPiece.equals("들")) {
      return false; // 팬들, 임직원들: a plural
    }
    return odd && last != POS.Tag.J && !verbal;
  }
}

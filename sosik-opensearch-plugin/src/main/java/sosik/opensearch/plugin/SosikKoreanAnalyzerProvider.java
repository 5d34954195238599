package sosik.opensearch.plugin;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import sosik.analysis.KoreanNewsAnalyzer;
import sosik.analysis.NewsDictionary;

/**
 * The analyzer type {@value #TYPE}: Sosik's Korean news chain with the bundled dictionary plus the
 * entries of {@value #USER_DICTIONARY} (a list of dictionary lines, as in the embedded index's
 * {@code userdict.txt}). An unknown setting or a bad entry fails the index creation, naming it.
 */
public final class SosikKoreanAnalyzerProvider extends AbstractIndexAnalyzerProvider<KoreanNewsAnalyzer> {
  public static final String TYPE = "sosik_korean";
  public static final String USER_DICTIONARY = "user_dictionary";
  /** Settings every analyzer definition may carry besides its own. */
  private static final Set<String> COMMON = Set.of("type", "version", "position_increment_gap");

  private final KoreanNewsAnalyzer analyzer;

  public SosikKoreanAnalyzerProvider(IndexSettings indexSettings, Environment env, String name, Settings settings) {
    super(indexSettings, name, settings);
    rejectUnknown(name, settings, Set.of(USER_DICTIONARY));
    List<String> entries = settings.getAsList(USER_DICTIONARY, List.of());
    NewsDictionary dictionary;
    try {
      dictionary = NewsDictionary.of("analyzer [" + name + "] " + USER_DICTIONARY, entries);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace(" line ", " entry "), e);
    }
    this.analyzer = new KoreanNewsAnalyzer(dictionary);
  }

  static void rejectUnknown(String name, Settings settings, Set<String> known) {
    Set<String> unknown = new TreeSet<>();
    for (String key : settings.keySet()) {
      String top = key.replaceFirst("\\.\\d+$", "");
      if (key.startsWith("index.")) {
        continue; // what OpenSearch adds itself (index.version.created)
      }
      if (!known.contains(top) && !COMMON.contains(top)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "analyzer [" + name + "]: unknown settings " + unknown + "; known: " + new TreeSet<>(known));
    }
  }

  @Override
  public KoreanNewsAnalyzer get() {
    return analyzer;
  }
}

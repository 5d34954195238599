package sosik.opensearch.plugin;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;

/**
 * The analyzer type {@value #TYPE}: splits on spaces and nothing more. A client that analysed the
 * query itself (Sosik runs the same chain on both sides) sends a phrase of exact terms with it.
 */
public final class SosikTermsAnalyzerProvider extends AbstractIndexAnalyzerProvider<Analyzer> {
  public static final String TYPE = "sosik_terms";

  private final Analyzer analyzer;

  public SosikTermsAnalyzerProvider(IndexSettings indexSettings, Environment env, String name, Settings settings) {
    super(indexSettings, name, settings);
    SosikKoreanAnalyzerProvider.rejectUnknown(name, settings, Set.of());
    this.analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new WhitespaceTokenizer());
      }
    };
  }

  @Override
  public Analyzer get() {
    return analyzer;
  }
}

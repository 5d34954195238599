package sosik.opensearch.plugin;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Sosik's analysis in OpenSearch: a name → provider map and nothing else.
 *
 * <ul>
 *   <li>{@value SosikKoreanAnalyzerProvider#TYPE}: {@link sosik.analysis.KoreanNewsAnalyzer}, the
 *       chain the embedded index runs, with the index's user dictionary in the setting {@value
 *       SosikKoreanAnalyzerProvider#USER_DICTIONARY};
 *   <li>{@value SosikTermsAnalyzerProvider#TYPE}: already analysed terms separated by spaces, one
 *       token each, so a client can send a phrase of the terms it analysed itself.
 * </ul>
 */
public final class SosikAnalysisPlugin extends Plugin implements AnalysisPlugin {
  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of(
        SosikKoreanAnalyzerProvider.TYPE, AnalysisPlugin.requiresAnalysisSettings(SosikKoreanAnalyzerProvider::new),
        SosikTermsAnalyzerProvider.TYPE, SosikTermsAnalyzerProvider::new);
  }
}

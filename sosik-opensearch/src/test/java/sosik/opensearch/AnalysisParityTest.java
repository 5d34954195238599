package sosik.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosik.analysis.KoreanNewsAnalyzer;
import sosik.analysis.NewsDictionary;
import sosik.ingest.ArticleDraft;
import sosik.ingest.CompanyTsvReader;
import sosik.ingest.ReadSink;
import sosik.opensearch.testing.OpenSearchCluster;
import sosik.testing.SharedData;

/**
 * The plugin's analyzer on a real node gives the same terms, positions and offsets as the embedded
 * index's {@link KoreanNewsAnalyzer}, user dictionary included.
 */
class AnalysisParityTest {
  static final List<String> USER_WORDS = List.of("솔빛나노텍 솔빛 나노텍", "한울칩", "누리칩스");
  static OpenSearchClient client;
  static String index;
  static KoreanNewsAnalyzer local;

  @BeforeAll
  static void createIndex() throws IOException {
    client = new OpenSearchClient(OpenSearchCluster.shared().url(), OpenSearchClient.DEFAULT_TIMEOUT);
    index = "analysis-parity-" + System.nanoTime();
    OpenSearchNewsIndex.open(client, index, true, USER_WORDS).close();
    local = new KoreanNewsAnalyzer(NewsDictionary.of("test", USER_WORDS));
  }

  /** term/position/start/end of each token. */
  static List<String> remote(String text) throws IOException {
    ObjectNode body = OpenSearchClient.JSON.createObjectNode().put("analyzer", OpenSearchNewsIndex.ANALYZER).put("text", text);
    JsonNode r = client.call("POST", "/" + index + "/_analyze", body);
    List<String> out = new ArrayList<>();
    for (JsonNode t : r.path("tokens")) {
      out.add(t.path("token").asText() + "/" + t.path("position").asInt() + "/" + t.path("start_offset").asInt() + "-"
          + t.path("end_offset").asInt());
    }
    return out;
  }

  static List<String> embedded(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = local.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(term + "/" + pos + "/" + off.startOffset() + "-" + off.endOffset());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void written_sentences_analyse_the_same_on_both_sides() throws IOException {
    List<String> sentences = List.of(
        "누리칩스가 저전력 AI반도체 시제품을 공개했다고 밝혔다.",
        "코스피는 전 거래일보다 10.1% 오른 2,646.3에 마감했고, 환율은 1,450원대였다.",
        "韓·美 정상은 經濟 협력을 논의했다. 원·달러 환율도 주목받았다.",
        "솔빛나노텍의 신제품과 한울칩이 나노텍 시장을 넓혔다.",
        "ＡＩ　반도체와 ＬＧ전자, ３분기 영업이익 ７조원!",
        "\"양자컴퓨터\" 연구단(과기부)은 2026년 10월 3일 출범했다…",
        "[서울=한빛일보 김서연 기자] 정부세종청사에서 열린 브리핑에서 3400억원 규모의 예산이 발표됐다.");
    for (String s : sentences) {
      List<String> expected = embedded(s);
      assertThat(expected).as(s).isNotEmpty();
      assertThat(remote(s)).as(s).isEqualTo(expected);
    }
    // the user dictionary reached the node: the entry is cut into its given parts, not by Nori
    assertThat(remote("솔빛나노텍의")).extracting(t -> t.split("/")[0]).startsWith("솔빛", "나노텍");
  }

  @Test
  void real_news_text_analyses_the_same_on_both_sides() throws IOException {
    List<String> texts = new ArrayList<>();
    Path dir = SharedData.dir().resolve("data/company-news-2019/data");
    CompanyTsvReader reader = new CompanyTsvReader();
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(reader::reads).sorted().limit(4).toList();
    }
    for (Path f : files) {
      try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        reader.read(f.toString(), in, new ReadSink() {
          @Override
          public void article(ArticleDraft d, int line) {
            if (texts.size() < 60 * (files.indexOf(f) + 1)) {
              texts.add(d.title());
              texts.add(d.body().length() > 3000 ? d.body().substring(0, 3000) : d.body());
            }
          }

          @Override
          public void reject(int line, String problem) {}
        });
      }
    }
    texts.add(Files.readString(SharedData.file("data/seed/000_ba129f0fc67865b7.txt")));
    assertThat(texts).hasSizeGreaterThan(100);
    int tokens = 0;
    for (String t : texts) {
      List<String> expected = embedded(t);
      assertThat(remote(t)).as(t.length() > 80 ? t.substring(0, 80) + "…" : t).isEqualTo(expected);
      tokens += expected.size();
    }
    assertThat(tokens).isGreaterThan(10_000);
  }
}

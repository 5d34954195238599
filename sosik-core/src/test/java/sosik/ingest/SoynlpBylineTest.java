package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import sosik.article.Article;
import sosik.testing.SharedData;

/**
 * How many soynlp-navernews articles get a press and a reporter, before (the line as it is, through
 * the normalizer's byline extractor) and after reading the bylines the corpus stripped of their
 * brackets. Prints the figures docs/FORMATS.md gives.
 */
class SoynlpBylineTest {
  @Test
  void bracketless_bylines_give_most_articles_a_reporter() throws IOException {
    List<String> lines = Files.readAllLines(
        SharedData.file("data/soynlp-navernews-20161020/doublespace_line_corpus_sample.txt"), StandardCharsets.UTF_8)
        .stream().map(l -> l.replace("\uFEFF", "")).filter(l -> !l.isBlank()).toList();
    ArticleNormalizer normalizer = new ArticleNormalizer();
    int pressBefore = 0;
    int reporterBefore = 0;
    int pressAfter = 0;
    int reporterAfter = 0;
    int datelineAfter = 0;
    for (String line : lines) {
      String body = line.strip();
      Article before = normalizer.normalize(ArticleDraft.of(SoynlpLinesReader.title(body), body));
      Article after = normalizer.normalize(SoynlpLinesReader.draft(line));
      pressBefore += before.press() != null ? 1 : 0;
      reporterBefore += before.reporters().isEmpty() ? 0 : 1;
      pressAfter += after.press() != null ? 1 : 0;
      reporterAfter += after.reporters().isEmpty() ? 0 : 1;
      datelineAfter += after.dateline() != null ? 1 : 0;
    }
    System.out.printf("soynlp-navernews-20161020, %d articles: press %d before, %d after; reporter %d before, %d after;"
        + " dateline %d after%n", lines.size(), pressBefore, pressAfter, reporterBefore, reporterAfter, datelineAfter);

    assertThat(lines).hasSize(482);
    assertThat(reporterBefore).isZero();
    assertThat(reporterAfter).isGreaterThanOrEqualTo(300);
    assertThat(pressBefore).isEqualTo(67);
    assertThat(pressAfter).isGreaterThanOrEqualTo(200);
  }
}

package sosik.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import sosik.article.Article;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.CompanyTsvReader;
import sosik.ingest.ReadSink;

/**
 * The news-domain check on company-news-2019: each of its files is what Naver's news search
 * returned for one company name, so the name is a query and the articles of its files are that
 * query's (weak) relevant set.
 *
 * <ul>
 *   <li>The corpus is every {@code .txt} file under the directory, read as {@code company-tsv},
 *       normalised as {@code sosik index} does, one article per canonical URL (the first row wins;
 *       rows with an empty body are skipped). A document's id is its URL.
 *   <li>The query of a file is its folder's name for {@code 카카오/contents.txt}, else the file
 *       name before {@code _contents_text}, without a {@code +기업}/{@code +회사} suffix ({@code
 *       E1+기업_contents_text.txt} is E1, as are {@code E1_contents_text.txt} and {@code
 *       E1+회사_…}); {@code older-versions/data/삼성전자/contents.txt} is 삼성전자.
 *   <li>A query's relevant set is every article found in any of its files.
 * </ul>
 */
public final class CompanyNews {
  private CompanyNews() {}

  /** The query a company-news file was crawled for. */
  public static String queryOf(Path file) {
    String name = file.getFileName().toString();
    String q;
    if (name.equals("contents.txt")) {
      q = file.getParent().getFileName().toString();
    } else {
      q = name.replaceFirst("\\.txt$", "").replaceFirst("_contents_text.*$", "");
    }
    int plus = q.indexOf('+');
    return (plus > 0 ? q.substring(0, plus) : q).strip();
  }

  /** The corpus and the company-name queries of the directory (the data set's root or its data/). */
  public static EvalSet load(Path dir) throws IOException {
    CompanyTsvReader reader = new CompanyTsvReader();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).filter(reader::reads).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no company-news .txt files under " + dir);
    }
    ArticleNormalizer normalizer = new ArticleNormalizer();
    Map<String, EvalDoc> byArticle = new LinkedHashMap<>();
    Map<String, Set<String>> relevant = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    int[] skipped = {0};
    for (Path f : files) {
      Set<String> rel = relevant.computeIfAbsent(queryOf(f), k -> new LinkedHashSet<>());
      try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        reader.read(f.toString(), in, new ReadSink() {
          @Override
          public void article(ArticleDraft draft, int line) {
            Article a;
            try {
              a = normalizer.normalize(draft);
            } catch (IllegalArgumentException e) {
              skipped[0]++;
              return;
            }
            EvalDoc d = byArticle.computeIfAbsent(a.id(), k -> new EvalDoc(EvalFiles.evalId(a), a));
            rel.add(d.id());
          }

          @Override
          public void reject(int line, String problem) {
            warnings.add(f + ":" + line + ": " + problem);
          }
        });
      }
    }
    if (skipped[0] > 0) {
      warnings.add(skipped[0] + " rows skipped: the normaliser rejects them (empty body)");
    }
    List<EvalQuery> queries = new ArrayList<>();
    relevant.forEach((q, rel) -> queries.add(new EvalQuery(q, q, rel)));
    return new EvalSet(new ArrayList<>(byArticle.values()), queries, warnings);
  }
}

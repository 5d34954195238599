package sosik.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader sends, in order, for assertions. */
final class CollectingSink implements ReadSink {
  record Read(ArticleDraft draft, int line) {}

  record Problem(int line, String problem) {}

  final List<Read> articles = new ArrayList<>();
  final List<Problem> rejections = new ArrayList<>();

  @Override
  public void article(ArticleDraft draft, int line) {
    articles.add(new Read(draft, line));
  }

  @Override
  public void reject(int line, String problem) {
    rejections.add(new Problem(line, problem));
  }

  List<ArticleDraft> drafts() {
    return articles.stream().map(Read::draft).toList();
  }

  List<String> titles() {
    return articles.stream().map(r -> r.draft().title()).toList();
  }

  List<Integer> articleLines() {
    return articles.stream().map(Read::line).toList();
  }

  static CollectingSink read(ArticleReader reader, Path file) throws IOException {
    CollectingSink sink = new CollectingSink();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      reader.read(file.toString(), in, sink);
    }
    return sink;
  }

  static CollectingSink read(ArticleReader reader, String text) throws IOException {
    CollectingSink sink = new CollectingSink();
    reader.read("<text>", new BufferedReader(new StringReader(text)), sink);
    return sink;
  }
}

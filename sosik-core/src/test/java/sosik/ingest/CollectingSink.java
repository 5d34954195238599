package sosik.ingest;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
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

  /** Reads a file as the ingestor does: as bytes, with no charset declared. */
  static CollectingSink readBytes(ArticleReader reader, Path file) throws IOException {
    CollectingSink sink = new CollectingSink();
    try (InputStream in = Files.newInputStream(file)) {
      reader.read(ByteSource.ofFile(file.toString(), in), sink);
    }
    return sink;
  }

  /** Reads bytes as if an HTTP response declared {@code charset} (null: none) and came from {@code location}. */
  static CollectingSink readBytes(ArticleReader reader, byte[] bytes, Charset charset, String location) throws IOException {
    CollectingSink sink = new CollectingSink();
    reader.read(new ByteSource("<bytes>", new ByteArrayInputStream(bytes), charset,
        location == null ? null : URI.create(location)), sink);
    return sink;
  }

  List<String> problems() {
    return rejections.stream().map(Problem::problem).toList();
  }

  static CollectingSink read(ArticleReader reader, String text) throws IOException {
    CollectingSink sink = new CollectingSink();
    reader.read("<text>", new BufferedReader(new StringReader(text)), sink);
    return sink;
  }
}

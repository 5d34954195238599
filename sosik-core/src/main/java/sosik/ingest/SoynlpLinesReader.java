package sosik.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code soynlp-lines}: one article a line, with no headline and no metadata, sentences separated by
 * two spaces and punctuation stripped (the soynlp Naver news sample). The headline is the first
 * sentence, cut at a word boundary to at most {@value #MAX_TITLE_CHARS} characters (with {@code …}
 * when cut); the body is the whole line. There is no press, date or URL. Blank lines are skipped.
 */
public final class SoynlpLinesReader implements ArticleReader {
  /** Longest headline taken from the first sentence, before the {@code …}. */
  public static final int MAX_TITLE_CHARS = 60;

  @Override
  public String name() {
    return "soynlp-lines";
  }

  @Override
  public boolean reads(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  @Override
  public void read(String source, BufferedReader in, ReadSink sink) throws IOException {
    TextLines.forEach(in, (lineNo, line) -> {
      String body = line.strip();
      sink.article(ArticleDraft.of(title(body), body), lineNo);
    });
  }

  /** The first sentence (up to two spaces), at most {@value #MAX_TITLE_CHARS} characters cut at a space. */
  static String title(String line) {
    String t = line.strip();
    int sentenceEnd = t.indexOf("  ");
    String first = sentenceEnd < 0 ? t : t.substring(0, sentenceEnd);
    first = first.strip().replaceAll("\\s+", " ");
    if (first.length() <= MAX_TITLE_CHARS) {
      return first;
    }
    int cut = first.lastIndexOf(' ', MAX_TITLE_CHARS);
    if (cut <= 0) {
      cut = MAX_TITLE_CHARS; // one long word: cut inside it
    }
    return first.substring(0, cut).strip() + "…";
  }
}

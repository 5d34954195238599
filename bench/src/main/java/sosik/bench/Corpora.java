package sosik.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import sosik.ingest.ArticleDraft;

/** The real corpora under the shared data directory, read at run time (never copied into the repo). */
final class Corpora {
  static final String COMPANY = "company-news-2019";
  static final String SOYNLP = "soynlp-navernews-20161020";
  static final String KORQUAD = "korquad-v1-dev";
  static final String YNAT = "ynat-headlines-dacon";

  private static final Pattern RECORD_START = Pattern.compile("\\d{4}\\.\\d{1,2}\\.\\d{1,2}\\.?\t");
  private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2})\\.?");

  /** A corpus of plain texts for the analysis benchmark. */
  record Texts(String name, List<String> texts, long utf8Bytes) {
    static Texts of(String name, List<String> texts) {
      long bytes = 0;
      for (String t : texts) {
        bytes += t.getBytes(StandardCharsets.UTF_8).length;
      }
      return new Texts(name, List.copyOf(texts), bytes);
    }
  }

  /** The company-news records, one draft per distinct URL, plus what was skipped while reading. */
  record CompanyNews(List<ArticleDraft> drafts, int files, int records, int duplicateUrls, int malformedRecords) {}

  private Corpora() {}

  /**
   * Every .txt file under {@code company-news-2019/data}: {@code date \t press \t title \t body \t
   * url}. Some bodies hold tabs (a "동영상 뉴스" marker, sign-off links); the fields between the
   * title and the URL are joined with a space. The first record seen for a URL wins (files in path
   * order); the date {@code 2019.06.25.} becomes {@code 2019-06-25}.
   */
  static CompanyNews companyNews(Path shared) throws IOException {
    Path root = existing(shared.resolve(COMPANY).resolve("data"));
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    Map<String, ArticleDraft> byUrl = new LinkedHashMap<>();
    int records = 0;
    int duplicates = 0;
    int malformed = 0;
    for (Path f : files) {
      for (String record : records(f)) {
        records++;
        String[] c = record.split("\t", -1);
        if (c.length < 5 || !c[c.length - 1].strip().startsWith("http")) {
          malformed++;
          continue;
        }
        String url = c[c.length - 1].strip();
        if (byUrl.containsKey(url)) {
          duplicates++;
          continue;
        }
        String body = String.join(" ", List.of(c).subList(3, c.length - 1)).strip();
        byUrl.put(url, new ArticleDraft(c[2], body, c[1], List.of(), null, isoDate(c[0]), url, null, Map.of()));
      }
    }
    return new CompanyNews(List.copyOf(byUrl.values()), files.size(), records, duplicates, malformed);
  }

  /**
   * The records of one file. A record starts with a date and a tab; a line that does not is the
   * rest of the previous record's body (a few bodies hold line breaks).
   */
  private static List<String> records(Path f) throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      line = stripBom(line);
      if (RECORD_START.matcher(line).lookingAt()) {
        if (current != null) {
          out.add(current.toString());
        }
        current = new StringBuilder(line);
      } else if (current != null) {
        current.append('\n').append(line);
      } else if (!line.isBlank()) {
        out.add(line); // text before the first record: malformed
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out;
  }

  /** The company-news bodies (deduplicated by URL), as the analysis benchmark's first corpus. */
  static Texts companyBodies(CompanyNews news) {
    List<String> bodies = new ArrayList<>();
    for (ArticleDraft d : news.drafts()) {
      if (!d.body().isEmpty()) {
        bodies.add(d.body());
      }
    }
    return Texts.of(COMPANY, bodies);
  }

  /** soynlp's Naver news sample: one article a line. */
  static Texts soynlp(Path shared) throws IOException {
    Path f = existing(shared.resolve(SOYNLP).resolve("doublespace_line_corpus_sample.txt"));
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      line = stripBom(line).strip();
      if (!line.isEmpty()) {
        texts.add(line);
      }
    }
    return Texts.of(SOYNLP, texts);
  }

  /** KorQuAD v1 dev paragraphs: the {@code text} of each JSON line. */
  static Texts korquad(Path shared) throws IOException {
    Path f = existing(shared.resolve(KORQUAD).resolve("paragraphs.jsonl"));
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      line = stripBom(line).strip();
      if (!line.isEmpty()) {
        texts.add(json.readTree(line).path("text").asText());
      }
    }
    return Texts.of(KORQUAD, texts);
  }

  /**
   * Every real set, read with Sosik's own readers as {@code sosik index --format F} reads it:
   * company-news-2019 (company-tsv), soynlp-navernews-20161020 (soynlp-lines), sci-news-sum-kr-50
   * (sci-news-json), korquad-v1-dev paragraphs (jsonl) and ynat-headlines-dacon (ynat-headlines).
   * Rejected records are left out; repeated URLs are kept (the ingest counts them unchanged).
   */
  static List<ArticleDraft> allSets(Path shared) throws IOException {
    List<ArticleDraft> drafts = new ArrayList<>();
    String[][] sets = {
      {COMPANY, "company-tsv"}, {SOYNLP, "soynlp-lines"}, {"sci-news-sum-kr-50", "sci-news-json"},
      {KORQUAD + "/paragraphs.jsonl", "jsonl"}, {YNAT, "ynat-headlines"}
    };
    for (String[] set : sets) {
      sosik.ingest.ArticleReader reader = sosik.ingest.Formats.byName(set[1]);
      Path root = existing(shared.resolve(set[0]));
      List<Path> files;
      try (Stream<Path> s = Files.walk(root)) {
        files = s.filter(p -> Files.isRegularFile(p) && (Files.isRegularFile(root) || reader.reads(p))).sorted().toList();
      }
      for (Path f : files) {
        try (java.io.InputStream in = Files.newInputStream(f)) {
          reader.read(sosik.ingest.ByteSource.ofFile(f.toString(), in), new sosik.ingest.ReadSink() {
            @Override
            public void article(ArticleDraft draft, int line) {
              drafts.add(draft);
            }

            @Override
            public void reject(int line, String problem) {}
          });
        }
      }
    }
    return drafts;
  }

  /** The ynat headlines (train and test sets), read with Sosik's own {@code ynat-headlines} reader. */
  static List<String> ynatHeadlines(Path shared) throws IOException {
    Path dir = existing(shared.resolve(YNAT));
    List<String> titles = new ArrayList<>();
    sosik.ingest.ArticleReader reader = sosik.ingest.Formats.byName("ynat-headlines");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(reader::reads).sorted().toList();
    }
    for (Path f : files) {
      try (java.io.BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        reader.read(f.toString(), in, new sosik.ingest.ReadSink() {
          @Override
          public void article(ArticleDraft draft, int line) {
            titles.add(draft.title());
          }

          @Override
          public void reject(int line, String problem) {}
        });
      }
    }
    return titles;
  }

  /** {@code 2019.06.25.} as {@code 2019-06-25}; anything else as given, for the normaliser to judge. */
  static String isoDate(String dotted) {
    Matcher m = DOTTED_DATE.matcher(dotted.strip());
    if (!m.matches()) {
      return dotted;
    }
    return String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static Path existing(Path p) {
    if (!Files.exists(p)) {
      throw new UncheckedIOException(new NoSuchFileException(p.toString(), null, "corpus not found (give --shared DIR)"));
    }
    return p;
  }
}

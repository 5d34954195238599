package sosik.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import sosik.ingest.ArticleDraft;

/**
 * A deterministic scale corpus: any number of news articles recombined from the real sentence
 * pools under {@code ../shared/data}, which are read at run time and never copied into the
 * repository. The same pools, seed and size give the same bytes.
 *
 * <p>Each story takes a run of consecutive sentences from one real document (so an article reads
 * as one topic), topped up from others when the document is short; its length follows a
 * log-normal distribution around eight sentences. Press follows a Zipf law over forty outlets, with
 * the three wire services among the most frequent; every press has its own reporters with their own
 * frequencies; times spread over {@code --days} days with a daytime peak. Wire stories are
 * reprinted by other outlets within hours, with the byline changed, the ending cut and the headline
 * sometimes edited, as the real data shows; other stories are sometimes followed up by another
 * outlet that keeps part of the text. Every record carries its generator story number in the {@code
 * story} field, so grouping of related coverage can be checked against it.
 *
 * <pre>
 *   bench/run.sh corpus --articles 1000000 --out /tmp/scale-1m.jsonl [--seed 1] [--days 730]
 * </pre>
 */
public final class ScaleCorpus {
  /** Outlet names, wire services first; weights follow a Zipf law in this order. */
  static final List<String> PRESSES = List.of(
      "연합뉴스", "뉴시스", "뉴스1", "머니투데이", "이데일리", "아시아경제", "헤럴드경제", "파이낸셜뉴스",
      "한국경제", "매일경제", "서울경제", "조선비즈", "전자신문", "디지털타임스", "아이뉴스24", "지디넷코리아",
      "조선일보", "중앙일보", "동아일보", "한겨레", "경향신문", "한국일보", "서울신문", "국민일보",
      "세계일보", "문화일보", "KBS", "MBC", "SBS", "YTN", "JTBC", "MBN",
      "노컷뉴스", "오마이뉴스", "프레시안", "데일리안", "뉴데일리", "블로터", "머니S", "비즈니스워치");
  static final Set<String> WIRES = Set.of("연합뉴스", "뉴시스", "뉴스1");

  private static final String[] SURNAMES = {
    "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안",
    "송", "류", "전", "홍", "고", "문", "양", "손", "배", "백", "허", "유", "남", "심", "노"
  };
  private static final String[] GIVEN = {
    "민", "서", "준", "지", "현", "수", "영", "하", "윤", "도", "우", "진", "연", "희", "은", "정", "호",
    "성", "재", "혜", "경", "태", "승", "다", "나", "주", "원", "상", "미", "소", "예", "규", "훈", "석"
  };
  private static final String[] DATELINES = {
    "서울", "서울", "서울", "서울", "서울", "세종", "수원", "인천", "부산", "대구", "광주", "대전", "울산",
    "창원", "전주", "청주", "춘천", "제주", "워싱턴", "도쿄", "베이징"
  };

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[다요까죠]\\.|[.?!][\"'”’]?)\\s+");
  private static final Pattern DROP = Pattern.compile("@|기자|무단|재배포|ⓒ|©|저작권|https?://|www\\.");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  /** One real document as sentences, with its headline when it had one. */
  record Doc(String title, List<String> sentences) {}

  /** The pools the corpus is drawn from. */
  record Pools(List<Doc> docs, List<String> headlines, long sentences) {}

  /** What a run wrote. */
  record Summary(long articles, long stories, long reprints, long followUps, int presses) {}

  private final Pools pools;
  private final SplittableRandom rng;
  private final int days;
  private final double[] pressCdf;
  private final List<List<String>> reporters = new ArrayList<>();
  private final List<double[]> reporterCdfs = new ArrayList<>();
  private final LocalDate start = LocalDate.of(2019, 1, 1);

  ScaleCorpus(Pools pools, long seed, int days) {
    if (pools.docs().isEmpty() || pools.headlines().isEmpty()) {
      throw new IllegalArgumentException("the sentence pools are empty: is the shared data directory complete?");
    }
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1, got " + days);
    }
    this.pools = pools;
    this.rng = new SplittableRandom(seed);
    this.days = days;
    this.pressCdf = zipfCdf(PRESSES.size(), 1.05);
    for (int p = 0; p < PRESSES.size(); p++) {
      int n = (WIRES.contains(PRESSES.get(p)) ? 60 : 8) + rng.nextInt(30);
      Set<String> names = new LinkedHashSet<>();
      while (names.size() < n) {
        names.add(SURNAMES[rng.nextInt(SURNAMES.length)] + GIVEN[rng.nextInt(GIVEN.length)] + GIVEN[rng.nextInt(GIVEN.length)]);
      }
      reporters.add(List.copyOf(names));
      reporterCdfs.add(zipfCdf(n, 0.8));
    }
  }

  /** Reads the pools: company-news and KorQuAD paragraphs, soynlp articles, headlines from all three sets with titles. */
  static Pools load(Path shared) throws IOException {
    List<Doc> docs = new ArrayList<>();
    List<String> headlines = new ArrayList<>();
    Corpora.CompanyNews news = Corpora.companyNews(shared);
    for (ArticleDraft d : news.drafts()) {
      add(docs, d.title(), sentences(d.body()));
      if (d.title() != null && !d.title().isBlank()) {
        headlines.add(d.title().strip());
      }
    }
    for (String text : Corpora.korquad(shared).texts()) {
      add(docs, null, sentences(text));
    }
    for (String line : Corpora.soynlp(shared).texts()) {
      List<String> s = new ArrayList<>();
      for (String part : line.split(" {2,}")) {
        String p = part.strip();
        if (!p.isEmpty()) {
          s.add(p.endsWith("다") ? p + "." : p);
        }
      }
      add(docs, null, keep(s));
    }
    headlines.addAll(Corpora.ynatHeadlines(shared));
    long count = 0;
    for (Doc d : docs) {
      count += d.sentences().size();
    }
    return new Pools(List.copyOf(docs), List.copyOf(new LinkedHashSet<>(headlines)), count);
  }

  private static void add(List<Doc> docs, String title, List<String> sentences) {
    if (!sentences.isEmpty()) {
      docs.add(new Doc(title, sentences));
    }
  }

  static List<String> sentences(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_END.split(text.strip())) {
      out.add(s.strip());
    }
    return keep(out);
  }

  /** Sentences fit for reuse: not bylines, copyright lines or links; neither tiny nor huge. */
  private static List<String> keep(List<String> sentences) {
    List<String> out = new ArrayList<>();
    for (String s : sentences) {
      if (s.length() >= 12 && s.length() <= 400 && !DROP.matcher(s).find()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Writes {@code articles} articles as JSON Lines. */
  Summary write(long articles, OutputStream out) throws IOException {
    JsonGenerator json = new JsonFactory(new ObjectMapper()).createGenerator(out, JsonEncoding.UTF8);
    json.setRootValueSeparator(null);
    CountingSink sink = new CountingSink(json);
    long stories = 0;
    long reprints = 0;
    long followUps = 0;
    while (sink.articles < articles) {
      stories++;
      Story story = story(stories);
      sink.write(story.original);
      if (WIRES.contains(story.original.press)) {
        int copies = rng.nextDouble() < 0.55 ? 1 + geometric(0.45, 8) : 0;
        for (int c = 0; c < copies && sink.articles < articles; c++) {
          sink.write(reprint(story, c));
          reprints++;
        }
      } else if (rng.nextDouble() < 0.12 && sink.articles < articles) {
        sink.write(followUp(story));
        followUps++;
      }
    }
    json.flush();
    return new Summary(sink.articles, stories, reprints, followUps, PRESSES.size());
  }

  private record Piece(long story, String url, String title, List<String> body, String press, String reporter,
      String dateline, Instant published) {}

  private record Story(long number, Piece original) {}

  private Story story(long number) {
    int press = pick(pressCdf);
    Doc doc = pools.docs().get(rng.nextInt(pools.docs().size()));
    int want = (int) Math.max(1, Math.min(60, Math.round(Math.exp(Math.log(8) + 0.6 * gaussian()))));
    List<String> body = new ArrayList<>();
    int from = doc.sentences().size() > want ? rng.nextInt(doc.sentences().size() - want + 1) : 0;
    for (int i = from; i < doc.sentences().size() && body.size() < want; i++) {
      body.add(doc.sentences().get(i));
    }
    while (body.size() < want) {
      Doc other = pools.docs().get(rng.nextInt(pools.docs().size()));
      body.add(other.sentences().get(rng.nextInt(other.sentences().size())));
    }
    String title = doc.title() != null && rng.nextBoolean()
        ? doc.title()
        : pools.headlines().get(rng.nextInt(pools.headlines().size()));
    Instant at = time();
    String name = PRESSES.get(press);
    Piece p = new Piece(number, url(press, at, number, 0), title, body, name, reporter(press),
        WIRES.contains(name) ? DATELINES[rng.nextInt(DATELINES.length)] : null, at);
    return new Story(number, p);
  }

  /** Another outlet carrying the wire text: byline changed, the ending cut, the headline sometimes edited. */
  private Piece reprint(Story story, int copy) {
    Piece o = story.original;
    int press;
    do {
      press = pick(pressCdf);
    } while (PRESSES.get(press).equals(o.press));
    List<String> body = new ArrayList<>(o.body);
    int cut = body.size() > 3 ? rng.nextInt(3) : 0;
    body = body.subList(0, body.size() - cut);
    String title = switch (rng.nextInt(6)) {
      case 0 -> o.title + "(종합)";
      case 1 -> o.title.replace("…", "..");
      default -> o.title;
    };
    Instant at = o.published.plusSeconds((long) (60 * expMinutes(180)));
    return new Piece(story.number, url(press, at, story.number, copy + 1), title, List.copyOf(body), PRESSES.get(press),
        reporter(press), null, at);
  }

  /** Another outlet's own report on the same event: half the text kept, the rest its own. */
  private Piece followUp(Story story) {
    Piece o = story.original;
    int press;
    do {
      press = pick(pressCdf);
    } while (PRESSES.get(press).equals(o.press));
    List<String> body = new ArrayList<>();
    for (String s : o.body) {
      if (rng.nextBoolean()) {
        body.add(s);
      } else {
        Doc other = pools.docs().get(rng.nextInt(pools.docs().size()));
        body.add(other.sentences().get(rng.nextInt(other.sentences().size())));
      }
    }
    Instant at = o.published.plusSeconds((long) (60 * expMinutes(600)));
    return new Piece(story.number, url(press, at, story.number, 99), o.title, body, PRESSES.get(press), reporter(press),
        null, at);
  }

  private String reporter(int press) {
    return reporters.get(press).get(pick(reporterCdfs.get(press)));
  }

  private static final double[] HOUR_WEIGHTS = {
    1, 0.5, 0.3, 0.3, 0.4, 1, 3, 5, 7, 8, 8, 8, 7, 7, 8, 8, 8, 7, 6, 5, 4, 3, 2, 1.5
  };
  private static final double[] HOUR_CDF = cdf(HOUR_WEIGHTS);

  private Instant time() {
    LocalDate day = start.plusDays(rng.nextInt(days));
    int hour = pick(HOUR_CDF);
    int second = rng.nextInt(3600);
    // Korea time is UTC+9 all year
    return day.atStartOfDay().toInstant(ZoneOffset.ofHours(9)).plusSeconds(hour * 3600L + second);
  }

  private static String url(int press, Instant at, long story, int copy) {
    String day = DAY.format(at.atOffset(ZoneOffset.ofHours(9)));
    return String.format(Locale.ROOT, "https://news%02d.example.com/article/%s/%d-%d", press, day, story, copy);
  }

  private static String byline(Piece p) {
    return switch (p.press) {
      case "연합뉴스" -> "(" + p.dateline + "=연합뉴스) " + p.reporter + " 기자 = ";
      case "뉴시스" -> "【" + p.dateline + "=뉴시스】" + p.reporter + " 기자 = ";
      case "뉴스1" -> "(" + p.dateline + "=뉴스1) " + p.reporter + " 기자 = ";
      default -> "[" + p.press + " " + p.reporter + " 기자] ";
    };
  }

  private final class CountingSink {
    final JsonGenerator json;
    long articles;

    CountingSink(JsonGenerator json) {
      this.json = json;
    }

    void write(Piece p) throws IOException {
      json.writeStartObject();
      json.writeStringField("url", p.url);
      json.writeStringField("title", p.title);
      json.writeStringField("body", byline(p) + String.join(" ", p.body));
      json.writeStringField("press", p.press);
      json.writeStringField("reporter", p.reporter);
      if (p.dateline != null) {
        json.writeStringField("dateline", p.dateline);
      }
      json.writeStringField("published_at", p.published.atOffset(ZoneOffset.ofHours(9)).toString());
      json.writeNumberField("story", p.story);
      json.writeEndObject();
      json.writeRaw('\n');
      articles++;
    }

  }

  private double gaussian() {
    // Box–Muller on the generator's own stream, so the corpus depends on the seed alone
    double u = 1 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private double expMinutes(double mean) {
    return -mean * Math.log(1 - rng.nextDouble());
  }

  private int geometric(double p, int max) {
    int n = 0;
    while (n < max && rng.nextDouble() > p) {
      n++;
    }
    return n;
  }

  private int pick(double[] cdf) {
    double x = rng.nextDouble();
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static double[] zipfCdf(int n, double s) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 1 / Math.pow(i + 1, s);
    }
    return cdf(w);
  }

  private static double[] cdf(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] cdf = new double[weights.length];
    double run = 0;
    for (int i = 0; i < weights.length; i++) {
      run += weights[i];
      cdf[i] = run / total;
    }
    cdf[cdf.length - 1] = 1.0;
    return cdf;
  }

  public static void main(String[] args) throws Exception {
    Path shared = Path.of(System.getProperty("sosik.repo", ".")).resolve("../shared/data").toAbsolutePath().normalize();
    Path out = null;
    long articles = 0;
    long seed = 1;
    int days = 730;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--shared" -> shared = CoreBench.dataDir(Path.of(value(args, ++i)));
        case "--out" -> out = Path.of(value(args, ++i));
        case "--articles" -> articles = Long.parseLong(value(args, ++i).replace("_", "").replace(",", ""));
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        case "--days" -> days = Integer.parseInt(value(args, ++i));
        default -> throw new IllegalArgumentException("unexpected argument '" + args[i]
            + "' (use: corpus --articles N --out FILE [--seed S] [--days D] [--shared DIR])");
      }
    }
    if (out == null || articles < 1) {
      throw new IllegalArgumentException("corpus needs --articles N (at least 1) and --out FILE");
    }
    long t0 = System.nanoTime();
    Pools pools = load(shared);
    CoreBench.progress("pools: %,d documents, %,d sentences, %,d headlines", pools.docs().size(), pools.sentences(),
        pools.headlines().size());
    Summary s;
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      s = new ScaleCorpus(pools, seed, days).write(articles, o);
    }
    CoreBench.progress("wrote %,d articles (%,d stories, %,d wire reprints, %,d follow-ups, %d presses) to %s: %,d bytes in %.1f s",
        s.articles(), s.stories(), s.reprints(), s.followUps(), s.presses(), out, Files.size(out),
        (System.nanoTime() - t0) / 1e9);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}

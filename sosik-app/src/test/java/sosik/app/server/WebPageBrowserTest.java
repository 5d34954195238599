package sosik.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.ingest.ArticleDraft;
import sosik.ingest.ArticleNormalizer;
import sosik.ingest.Ingestor;

/**
 * The page in Debian's Chromium, driven through chromedriver, against the real server on loopback
 * with the demo corpus. Screenshots go to target/screenshots for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageBrowserTest {
  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File DRIVER = new File("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "screenshots");

  LuceneNewsIndex index;
  SosikServer server;
  WebDriver browser;
  String base;

  @BeforeAll
  void start(@TempDir Path dir, @TempDir Path profile) throws Exception {
    boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
    if (System.getenv("CI") == null) {
      assumeTrue(present, "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    } else {
      assertThat(present).as("CI must install chromium and chromium-driver").isTrue();
    }
    index = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE);
    Path corpus = Path.of(System.getProperty("sosik.repo", ".."), "demo", "corpus");
    new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(corpus), null);
    index.upsert(List.of(new ArticleNormalizer().normalize(new ArticleDraft(
        "<img src=x onerror=\"window.__pwned=1\">반도체 <script>window.__pwned=2</script> 악성 제목",
        "악성 본문 <script>window.__pwned=3</script> <a href=\"javascript:window.__pwned=4\">링크</a> 반도체 끝",
        "해킹일보", List.of("김보안"), null, "2026-10-30T09:00:00+09:00", null, null, Map.of()))));
    // two reports of one opening, dated from the clock: the month-old one says 조력발전소 more often
    // (first by the text alone), the hour-old one is first with the freshness preference on
    index.upsert(List.of(TIDE_OLD, TIDE_NEW));
    index.commit();
    server = new SosikServer(index, new SosikServer.Config("127.0.0.1", 0, null, 1 << 20)).start();
    assertThat(server.awaitSuggestions(java.time.Duration.ofSeconds(30))).isTrue();
    base = "http://127.0.0.1:" + server.port();

    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM);
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
        "--window-size=1280,1400", "--lang=ko-KR");
    ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    browser = new ChromeDriver(svc, o);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    Files.createDirectories(SHOTS);
  }

  static final java.time.Instant NOW = java.time.Instant.now();
  static final sosik.article.Article TIDE_OLD = tide("파랑만 조력발전소 준공식 열려",
      "파랑만 조력발전소가 준공됐다. 조력발전소는 바닷물의 높낮이 차이로 전기를 만든다. 조력발전소 운영사는 내년 증설을 검토한다.",
      "한빛일보", NOW.minus(Duration.ofDays(30)), "https://hanbit.example/news/tide-1");
  static final sosik.article.Article TIDE_NEW = tide("파랑만 조력발전소 가동 시작",
      "파랑만 조력발전소가 오늘 첫 전력을 보냈다. 지역 어민들은 어장 변화를 지켜보겠다고 했다. 군은 관광 코스도 만든다.",
      "새날경제", NOW.minus(Duration.ofHours(1)), "https://saenal.example/b/tide-2");

  static sosik.article.Article tide(String title, String body, String press, java.time.Instant at, String url) {
    String date = java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.ofHours(9))
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    return new ArticleNormalizer().normalize(new ArticleDraft(title, body, press, List.of("정다은"), null, date, url, null, Map.of()));
  }

  List<String> hitTitles() {
    return browser.findElements(By.cssSelector(".hit .title")).stream().map(WebElement::getText).toList();
  }

  @Test
  void the_freshness_toggle_changes_the_order_and_is_kept_in_the_url() throws IOException {
    browser.get(base + "/search?q=" + java.net.URLEncoder.encode("조력발전소", java.nio.charset.StandardCharsets.UTF_8) + "&group=false");
    WebElement toggle = browser.findElement(By.id("freshness-toggle"));
    assertThat(toggle.getText()).contains("최신 기사 우선");
    assertThat(toggle.getAttribute("aria-checked")).isEqualTo("true");
    assertThat(hitTitles()).containsExactly(TIDE_NEW.title(), TIDE_OLD.title());
    shot("freshness-on");

    toggle.click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("freshness=off"));
    assertThat(browser.getCurrentUrl()).contains("group=false");
    assertThat(browser.findElement(By.id("freshness-toggle")).getAttribute("aria-checked")).isEqualTo("false");
    assertThat(hitTitles()).containsExactly(TIDE_OLD.title(), TIDE_NEW.title());
    shot("freshness-off");

    // the state survives a new query from the box and a period preset
    WebElement box = browser.findElement(By.id("q"));
    box.clear();
    box.sendKeys("조력발전소 파랑만", Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("%ED%8C%8C%EB%9E%91%EB%A7%8C"));
    assertThat(browser.getCurrentUrl()).contains("freshness=off");
    assertThat(browser.findElement(By.id("freshness-toggle")).getAttribute("aria-checked")).isEqualTo("false");
    browser.findElement(By.linkText("1개월")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("period="));
    assertThat(browser.getCurrentUrl()).contains("freshness=off");

    // latest order has no use for it: no toggle there, and back in relevance order it is still off
    browser.findElement(By.linkText("최신순")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("sort=latest"));
    assertThat(browser.findElements(By.id("freshness-toggle"))).isEmpty();
    browser.findElement(By.linkText("관련도순")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("sort=relevance"));
    assertThat(browser.getCurrentUrl()).contains("freshness=off");

    // turned on again: the parameter leaves the URL and the new article leads
    browser.findElement(By.id("freshness-toggle")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.getCurrentUrl().contains("freshness="));
    assertThat(browser.findElement(By.id("freshness-toggle")).getAttribute("aria-checked")).isEqualTo("true");
    assertThat(hitTitles()).first().isEqualTo(TIDE_NEW.title());
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (index != null) {
      index.close();
    }
  }

  void shot(String name) throws IOException {
    File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  long count() {
    String text = browser.findElement(By.id("count")).getText();
    assertThat(text).matches("뉴스 검색결과 [\\d,]+건");
    return Long.parseLong(text.replaceAll("[^\\d]", ""));
  }

  List<WebElement> hits() {
    return browser.findElements(By.cssSelector(".hit"));
  }

  void search(String q) {
    browser.get(base + "/");
    WebElement box = browser.findElement(By.id("q"));
    box.clear();
    box.sendKeys(q, Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/search"));
  }

  @Test
  void typing_a_korean_query_shows_the_count_and_highlighted_hits() throws IOException {
    search("반도체");
    assertThat(count()).isGreaterThan(10);
    assertThat(hits()).hasSize(10);
    List<String> marked = browser.findElements(By.cssSelector(".hit mark")).stream().map(WebElement::getText).toList();
    assertThat(marked).isNotEmpty().allSatisfy(m -> assertThat(m).contains("반도체"));
    browser.manage().window().setSize(new Dimension(1280, 1400));
    shot("search-desktop");
    browser.manage().window().setSize(new Dimension(390, 1400));
    shot("search-phone");
    Object overflow = ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth > window.innerWidth + 1");
    assertThat(overflow).as("no horizontal scrolling on a phone").isEqualTo(false);
    browser.manage().window().setSize(new Dimension(1280, 1400));
  }

  @Test
  void sort_tabs_order_by_date_and_keep_the_query() {
    search("반도체");
    long total = count();
    browser.findElement(By.linkText("최신순")).click();
    assertThat(browser.getCurrentUrl()).contains("sort=latest");
    assertThat(count()).isEqualTo(total);
    List<String> dates = browser.findElements(By.cssSelector(".hit time")).stream().map(e -> e.getAttribute("datetime")).toList();
    assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    browser.findElement(By.linkText("오래된순")).click();
    List<String> old = browser.findElements(By.cssSelector(".hit time")).stream().map(e -> e.getAttribute("datetime")).toList();
    assertThat(old).isSorted();
  }

  @Test
  void a_press_filter_keeps_only_that_press_and_is_in_the_url() {
    search("반도체");
    WebElement facet = browser.findElements(By.cssSelector(".press a")).get(0);
    String press = facet.getText().replaceAll("\\s+[\\d,]+$", "");
    facet.click();
    assertThat(browser.getCurrentUrl()).contains("press=");
    assertThat(browser.findElements(By.cssSelector(".hit .press"))).isNotEmpty()
        .allSatisfy(e -> assertThat(e.getText()).isEqualTo(press));
    browser.get(browser.getCurrentUrl());
    assertThat(browser.findElements(By.cssSelector(".press a.on"))).hasSize(1);
  }

  @Test
  void paging_moves_to_the_next_ten() {
    search("반도체");
    List<String> first = hits().stream().map(WebElement::getText).toList();
    browser.findElement(By.cssSelector(".paging a[rel=next]")).click();
    assertThat(browser.getCurrentUrl()).contains("page=2");
    List<String> second = hits().stream().map(WebElement::getText).toList();
    assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
  }

  @Test
  void a_period_preset_keeps_only_recent_articles() {
    search("반도체");
    long all = count();
    browser.findElement(By.linkText("1년")).click();
    assertThat(browser.getCurrentUrl()).contains("period=1y");
    assertThat(browser.findElement(By.cssSelector(".periods a.on")).getText()).isEqualTo("1년");
    String yearAgo = java.time.OffsetDateTime.now(sosik.article.KoreaTime.ZONE).minusYears(1).toString();
    for (WebElement t : browser.findElements(By.cssSelector(".hit time"))) {
      assertThat(t.getAttribute("datetime")).isGreaterThanOrEqualTo(yearAgo.substring(0, 10));
    }
    // undated articles fall outside every period
    assertThat(count()).isLessThanOrEqualTo(all);
    browser.findElement(By.linkText("1시간")).click();
    assertThat(browser.getCurrentUrl()).contains("period=1h");
    assertThat(count()).isZero();
  }

  @Test
  void a_date_range_keeps_only_articles_inside_it() {
    browser.get(base + "/search?q=" + java.net.URLEncoder.encode("반도체", java.nio.charset.StandardCharsets.UTF_8)
        + "&from=2026-09-01&to=2026-09-10");
    assertThat(count()).isPositive();
    for (WebElement t : browser.findElements(By.cssSelector(".hit time"))) {
      assertThat(t.getAttribute("datetime")).isBetween("2026-09-01", "2026-09-10T23:59:59+09:00");
    }
    browser.findElement(By.linkText("전체")).click();
    assertThat(browser.getCurrentUrl()).doesNotContain("from=");
  }

  @Test
  void article_markup_is_shown_as_text_and_no_script_runs() throws IOException {
    search("언론사:해킹일보");
    assertThat(count()).isEqualTo(1);
    assertThat(browser.findElement(By.cssSelector(".hit .title")).getText()).contains("<script>");
    shot("hostile");
    browser.findElement(By.cssSelector(".hit .more")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("<img src=x");
    Object pwned = ((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined ? null : window.__pwned");
    assertThat(pwned).isNull();
    assertThat(browser.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
    // the hostile headline's words reach the suggestion list as plain option values
    browser.get(base + "/");
    browser.findElement(By.id("q")).sendKeys("window");
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d ->
        !d.findElements(By.cssSelector("#q-suggest option")).isEmpty());
    Object after = ((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined ? null : window.__pwned");
    assertThat(after).isNull();
  }

  @Test
  void the_search_box_suggests_completions() {
    browser.get(base + "/");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("누리");
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d ->
        !d.findElements(By.cssSelector("#q-suggest option")).isEmpty());
    List<String> options = browser.findElements(By.cssSelector("#q-suggest option")).stream()
        .map(e -> e.getAttribute("value")).toList();
    assertThat(options).contains("누리칩스");
  }

  @Test
  void english_mode_typing_is_offered_back_in_hangul() {
    // qkseocp is 반대체 on the two-set layout; the page offers the headline word one jamo off
    search("qkseocp");
    assertThat(count()).isZero();
    WebElement offer = browser.findElement(By.cssSelector(".suggest a"));
    assertThat(offer.getText()).isEqualTo("반도체");
    offer.click();
    assertThat(count()).isPositive();
  }

  @Test
  void related_coverage_expands_to_its_members_with_the_first_report_and_reprints_marked() throws IOException {
    search("AI 반도체");
    long total = count();
    String groups = browser.findElement(By.id("group-count")).getText();
    assertThat(groups).matches("관련뉴스 묶음 [\\d,]+개");
    assertThat(Long.parseLong(groups.replaceAll("[^\\d]", ""))).isLessThan(total);
    // the wire story of the demo corpus and its three reprints are one hit
    WebElement wire = hits().stream().filter(h -> h.getText().contains("K-팹리스")).findFirst().orElseThrow();
    assertThat(hits().stream().filter(h -> h.getText().contains("K-팹리스"))).hasSize(1);
    WebElement related = wire.findElement(By.cssSelector(".related"));
    assertThat(related.getText()).isEqualTo("관련뉴스 3건");
    assertThat(wire.findElement(By.cssSelector(".outlets")).getText()).isEqualTo("4개 언론사");
    shot("group-collapsed");
    related.click();
    assertThat(browser.getCurrentUrl()).contains("group_id=");
    assertThat(count()).isEqualTo(4);
    assertThat(browser.findElement(By.id("group-head")).getText()).contains("4개 언론사").contains("최초 보도 연합뉴스");
    List<String> labels = browser.findElements(By.cssSelector(".hit .label")).stream().map(WebElement::getText).toList();
    // 바른타임즈 and 온누리통신 reprinted the wire text; 세종포스트 rewrote too much of it to be a reprint
    assertThat(labels).contains("최초 보도", "통신 원문").filteredOn("전재"::equals).hasSize(2);
    shot("group-expanded");
    browser.findElement(By.id("group-back")).click();
    assertThat(browser.getCurrentUrl()).doesNotContain("group_id=");
    assertThat(count()).isEqualTo(total);
    // grouping off lists every article
    browser.findElement(By.id("group-toggle")).click();
    assertThat(browser.getCurrentUrl()).contains("group=false");
    assertThat(browser.findElements(By.id("group-count"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".related"))).isEmpty();
  }

  @Test
  void the_result_page_draws_coverage_over_time() throws IOException {
    search("반도체");
    WebElement chart = browser.findElement(By.cssSelector("#trend svg"));
    List<WebElement> bars = chart.findElements(By.cssSelector("rect.bar"));
    assertThat(bars).hasSizeGreaterThan(20);
    assertThat(chart.getSize().getHeight()).isGreaterThan(20);
    assertThat(browser.findElement(By.cssSelector("#trend figcaption")).getText()).startsWith("일별 기사 수");
    String first = bars.get(0).findElement(By.tagName("title")).getAttribute("textContent");
    assertThat(first).matches("2026-\\d\\d-\\d\\d: \\d+건");
    shot("trend-chart");
  }
}

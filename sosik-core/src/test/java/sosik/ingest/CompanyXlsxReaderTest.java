package sosik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.article.ArticleId;
import sosik.index.lucene.LuceneNewsIndex;
import sosik.testing.SharedData;

class CompanyXlsxReaderTest {
  private final CompanyXlsxReader reader = new CompanyXlsxReader();
  @TempDir Path tmp;

  /** A ZIP archive of the parts given (name, XML). */
  private static byte[] zip(String... namesAndXml) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < namesAndXml.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndXml[i]));
        zip.write(namesAndXml[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  /**
   * A workbook as a spreadsheet program writes it: content types, relationships, the workbook
   * naming its sheets, and the parts given ({@code xl/worksheets/sheetN.xml}, {@code
   * xl/sharedStrings.xml}).
   */
  private static byte[] xlsx(String... namesAndXml) throws IOException {
    StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
    StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    StringBuilder sheets = new StringBuilder();
    int n = 0;
    for (int i = 0; i < namesAndXml.length; i += 2) {
      String name = namesAndXml[i];
      n++;
      if (name.startsWith("xl/worksheets/")) {
        types.append("<Override PartName=\"/").append(name).append("\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(REL).append("/worksheet\" Target=\"")
            .append(name.substring(3)).append("\"/>");
        sheets.append("<sheet name=\"Sheet").append(n).append("\" sheetId=\"").append(n).append("\" r:id=\"rId").append(n).append("\"/>");
      } else if (name.equals("xl/sharedStrings.xml")) {
        types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
        rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(REL).append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
      }
    }
    String[] parts = new String[namesAndXml.length + 8];
    parts[0] = "[Content_Types].xml";
    parts[1] = types.append("</Types>").toString();
    parts[2] = "_rels/.rels";
    parts[3] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    parts[4] = "xl/workbook.xml";
    parts[5] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + NS + "\" xmlns:r=\"" + REL + "\"><sheets>" + sheets + "</sheets></workbook>";
    parts[6] = "xl/_rels/workbook.xml.rels";
    parts[7] = rels.append("</Relationships>").toString();
    System.arraycopy(namesAndXml, 0, parts, 8, namesAndXml.length);
    return zip(parts);
  }

  private static final String SHARED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      + "<si><t>years</t></si><si><t>company</t></si><si><t>title</t></si><si><t>contents</t></si><si><t>link</t></si>"
      + "<si><t>2019.03.31.</t></si><si><t>edaily</t></si><si><r><t>한빛전자, </t></r><r><t>새 공장 착공</t></r></si>"
      + "<si><t xml:space=\"preserve\"> 한빛전자가 구미에 새 공장을 짓는다. 투자 규모는 2천억원이다.</t></si>"
      + "<si><t>https://news.naver.com/main/read.nhn?mode=LSD&amp;mid=sec&amp;sid1=101&amp;oid=018&amp;aid=0000000001</t></si>"
      + "<si><t>지난주 금요일</t></si></sst>";
  private static final String SHEET = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      + "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"s\"><v>2</v></c><c r=\"E1\" t=\"s\"><v>3</v></c><c r=\"F1\" t=\"s\"><v>4</v></c></row>"
      + "<row r=\"2\"><c r=\"A2\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>5</v></c><c r=\"C2\" t=\"s\"><v>6</v></c><c r=\"D2\" t=\"s\"><v>7</v></c><c r=\"E2\" t=\"s\"><v>8</v></c><c r=\"F2\" t=\"s\"><v>9</v></c></row>"
      + "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"B3\" t=\"inlineStr\"><is><t>2019.4.2</t></is></c><c r=\"C3\" t=\"inlineStr\"><is><t>뉴시스</t></is></c>"
      + "<c r=\"D3\" t=\"inlineStr\"><is><t>세진전자 노사 임금 협상 타결</t></is></c><c r=\"E3\" t=\"inlineStr\"><is><t>세진전자 노사가 올해 임금 협상을 마무리했다.</t></is></c></row>"
      + "<row r=\"5\"><c r=\"A5\"><v>2</v></c><c r=\"B5\" t=\"s\"><v>10</v></c><c r=\"D5\" t=\"inlineStr\"><is><t>날짜가 깨진 줄</t></is></c><c r=\"E5\" t=\"inlineStr\"><is><t>본문</t></is></c></row>"
      + "</sheetData></worksheet>";

  @Test
  void rows_under_the_header_are_articles_with_shared_and_inline_strings() throws IOException {
    CollectingSink s = CollectingSink.readBytes(reader, xlsx("xl/sharedStrings.xml", SHARED, "xl/worksheets/sheet1.xml", SHEET), null, null);

    assertThat(s.titles()).containsExactly("한빛전자, 새 공장 착공", "세진전자 노사 임금 협상 타결");
    assertThat(s.articleLines()).containsExactly(2, 3);
    ArticleDraft first = s.drafts().get(0);
    assertThat(first.press()).isEqualTo("이데일리");
    assertThat(first.publishedAt()).isEqualTo("2019-03-31");
    assertThat(first.section()).isEqualTo("경제");
    assertThat(first.body()).isEqualTo(" 한빛전자가 구미에 새 공장을 짓는다. 투자 규모는 2천억원이다.");
    assertThat(s.drafts().get(1).publishedAt()).isEqualTo("2019-04-02");
    assertThat(s.drafts().get(1).url()).isNull();
    assertThat(s.rejections).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(5);
      assertThat(p.problem()).isEqualTo("column 'years' '지난주 금요일' is not a date like 2019.06.25.");
    });
  }

  @Test
  void what_is_not_a_workbook_is_rejected_saying_so() throws IOException {
    CollectingSink text = CollectingSink.readBytes(reader, "years,title\n".getBytes(StandardCharsets.UTF_8), null, null);
    byte[] ole2 = new byte[512];
    System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0, ole2, 0, 8);
    CollectingSink xls = CollectingSink.readBytes(reader, ole2, null, null);
    byte[] whole = xlsx("xl/sharedStrings.xml", SHARED, "xl/worksheets/sheet1.xml", SHEET);
    CollectingSink cut = CollectingSink.readBytes(reader, java.util.Arrays.copyOf(whole, whole.length / 2), null, null);
    CollectingSink notOoxml = CollectingSink.readBytes(reader, zip("xl/workbook.xml", "<workbook/>"), null, null);
    CollectingSink noSheet = CollectingSink.readBytes(reader, xlsx(), null, null);
    CollectingSink noHeader = CollectingSink.readBytes(reader, xlsx("xl/worksheets/sheet1.xml",
        "<worksheet xmlns=\"" + NS + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>이름</t></is></c></row></sheetData></worksheet>"), null, null);
    CollectingSink broken = CollectingSink.readBytes(reader, xlsx("xl/worksheets/sheet1.xml",
        "<worksheet xmlns=\"" + NS + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>title</t></is></c></row><row></sheetData>"), null, null);

    assertThat(text.problems()).containsExactly("not an .xlsx workbook: not a ZIP archive");
    assertThat(xls.problems()).containsExactly("not an .xlsx workbook: an old binary .xls workbook (OLE2), not .xlsx; save it as .xlsx");
    assertThat(cut.problems()).singleElement().asString().startsWith("not an .xlsx workbook: ");
    assertThat(cut.articles).isEmpty();
    assertThat(notOoxml.problems()).singleElement().asString().startsWith("not an .xlsx workbook: ");
    assertThat(noSheet.problems()).containsExactly("not an .xlsx workbook: it holds no worksheet");
    assertThat(noHeader.problems()).containsExactly("no header row naming the columns years, company, title, contents, link");
    assertThat(broken.problems()).singleElement().asString().startsWith("the worksheet Sheet1 is not well-formed XML: ");
  }

  @Test
  void a_zip_bomb_is_refused_before_it_is_unpacked() throws IOException {
    // 40 MB of blank cells pack to a few kilobytes: far more than POI's guard lets a part grow
    StringBuilder sheet = new StringBuilder("<worksheet xmlns=\"" + NS + "\"><sheetData>");
    String pad = " ".repeat(1 << 20);
    for (int i = 0; i < 40; i++) {
      sheet.append(pad);
    }
    sheet.append("</sheetData></worksheet>");
    CollectingSink s = CollectingSink.readBytes(reader, xlsx("xl/worksheets/sheet1.xml", sheet.toString()), null, null);

    assertThat(s.articles).isEmpty();
    assertThat(s.problems()).singleElement().asString().containsIgnoringCase("zip bomb");
  }

  @Test
  void ingested_from_a_directory_with_the_format_named_and_files_beside_it_left_alone() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("crawl"));
    Files.write(dir.resolve("crawling.xlsx"), xlsx("xl/sharedStrings.xml", SHARED, "xl/worksheets/sheet1.xml", SHEET));
    Files.writeString(dir.resolve("contents.txt"), "not read\n");
    try (LuceneNewsIndex index = LuceneNewsIndex.open(tmp.resolve("index"), LuceneNewsIndex.Mode.WRITE)) {
      IngestReport r = new Ingestor(index, new ArticleNormalizer(), null).ingestPaths(List.of(dir), "company-xlsx");

      assertThat(r.files()).isEqualTo(1);
      assertThat(r.added()).isEqualTo(2);
      assertThat(r.rejections()).extracting(Rejection::line).containsExactly(5);
    }
  }

  @Test
  void the_company_news_sheets_hold_the_urls_their_description_counts() throws IOException {
    Path data = SharedData.dir().resolve("data/company-news-2019");
    List<Path> sheets;
    try (Stream<Path> s = Files.walk(data)) {
      sheets = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
    }
    Set<String> links = new HashSet<>();
    Set<String> canonical = new HashSet<>();
    int rows = 0;
    List<String> rejected = new java.util.ArrayList<>();
    for (Path p : sheets) {
      CollectingSink sink = new CollectingSink();
      try (InputStream in = Files.newInputStream(p)) {
        reader.read(ByteSource.ofFile(p.toString(), in), sink);
      }
      rows += sink.articles.size();
      sink.rejections.forEach(x -> rejected.add(p.getFileName() + ":" + x.line() + ": " + x.problem()));
      for (ArticleDraft d : sink.drafts()) {
        if (d.url() != null && d.url().contains("news.naver.com")) {
          links.add(d.url().strip());
          canonical.add(ArticleId.canonicalUrl(d.url()));
        }
      }
    }
    System.out.printf("company-news-2019 .xlsx: %d sheets, %,d rows read, %s rejected, %,d distinct news.naver.com links,"
        + " %,d distinct canonical URLs%n", sheets.size(), rows, rejected, links.size(), canonical.size());

    assertThat(sheets).hasSize(16);
    assertThat(links).hasSize(2_797);
    // two rows of one sheet hold a photo caption where the date belongs (the crawler shifted them)
    assertThat(rejected).hasSize(2).allSatisfy(x -> assertThat(x).startsWith("crawling_현대자동차.xlsx:").contains("is not a date"));
    assertThat(rows).isEqualTo(14_298);
  }
}

package sosik.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import sosik.article.PressNames;

/**
 * {@code company-xlsx}: the {@code crawling*.xlsx} sheets of the company-news-2019 set, one article
 * a row under a header row naming the columns {@code years} (the date, {@code 2019.03.31.}), {@code
 * company} (the press, despite its name), {@code title}, {@code contents} and {@code link}; read as
 * {@link CompanyTsvReader} reads the same columns. Rejections name the sheet's row number.
 *
 * <p>The workbook is read with Apache POI's streaming API: the package is opened from a file
 * ({@link OPCPackage}, read-only, entries read from the ZIP as needed), the shared strings with
 * {@link ReadOnlySharedStringsTable} (phonetic guides dropped) and the first worksheet row by row
 * with {@link XSSFSheetXMLHandler}, so a sheet is never held whole. POI's ZIP guard refuses a part
 * that unpacks to more than {@value #MAX_PART_BYTES} bytes or more than {@value #MAX_INFLATE}
 * times its packed size (a ZIP bomb); a file that is not an OOXML package, or holds no worksheet,
 * is rejected whole.
 */
public final class CompanyXlsxReader implements ArticleReader {
  /** The largest part unpacked. */
  static final long MAX_PART_BYTES = 256L * 1024 * 1024;
  /** The most a part may grow when unpacked (POI's default, 1 / 0.01). */
  static final int MAX_INFLATE = 100;

  static {
    // Process-wide settings of POI's ZIP guard; Sosik opens no other OOXML files.
    ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    ZipSecureFile.setMinInflateRatio(1.0 / MAX_INFLATE);
  }

  @Override
  public String name() {
    return "company-xlsx";
  }

  @Override
  public boolean reads(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".xlsx") && !n.startsWith("~$"); // ~$… is a spreadsheet program's lock file
  }

  @Override
  public boolean readsBytes() {
    return true;
  }

  @Override
  public boolean binary() {
    return true;
  }

  @Override
  public void read(String source, BufferedReader in, ReadSink sink) {
    sink.reject(0, "an .xlsx workbook is read from its bytes, not as text");
  }

  @Override
  public void read(ByteSource in, ReadSink sink) throws IOException {
    BufferedInputStream bytes = new BufferedInputStream(in.bytes(), 8192);
    FileMagic magic = FileMagic.valueOf(bytes);
    if (magic != FileMagic.OOXML) {
      sink.reject(0, "not an .xlsx workbook: " + (magic == FileMagic.OLE2
          ? "an old binary .xls workbook (OLE2), not .xlsx; save it as .xlsx" : "not a ZIP archive"));
      return;
    }
    // POI reads a package lazily, entry by entry, only from a file: the bytes go to a temporary one.
    Path tmp = Files.createTempFile("sosik-", ".xlsx");
    try {
      Files.copy(bytes, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      read(tmp, sink);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void read(Path file, ReadSink sink) throws IOException {
    OPCPackage pkg;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (OpenXML4JException | NotOfficeXmlFileException | OpenXML4JRuntimeException | POIXMLException e) {
      sink.reject(0, "not an .xlsx workbook: " + message(e));
      return;
    }
    try {
      XSSFReader xssf = new XSSFReader(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) xssf.getSheetsData();
      if (!sheets.hasNext()) {
        sink.reject(0, "not an .xlsx workbook: it holds no worksheet");
        return;
      }
      ReadOnlySharedStringsTable shared = new ReadOnlySharedStringsTable(pkg, false);
      Rows rows = new Rows(sink);
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new XSSFSheetXMLHandler(xssf.getStylesTable(), shared, rows, new DataFormatter(Locale.ROOT), false));
        try {
          xml.parse(new InputSource(sheet));
        } catch (SAXException e) {
          sink.reject(0, "the worksheet " + sheets.getSheetName() + " is not well-formed XML: " + message(e));
          return;
        }
      }
      if (rows.header == null) {
        sink.reject(0, "no header row naming the columns years, company, title, contents, link");
      }
    } catch (OpenXML4JException | SAXException | POIXMLException | OpenXML4JRuntimeException | javax.xml.parsers.ParserConfigurationException e) {
      sink.reject(0, "not an .xlsx workbook: " + message(e));
    } catch (IOException e) {
      // POI's ZIP guard says "Zip bomb detected!" or names the size limit
      sink.reject(0, "not read: " + message(e));
    } finally {
      pkg.revert(); // read-only: closes the file without writing anything
    }
  }

  private static String message(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip();
  }

  /** The rows of one sheet, the first naming a {@code title} column being the header. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final ReadSink sink;
    private final TreeMap<Integer, String> cells = new TreeMap<>();
    Map<String, Integer> header;
    private int col;

    Rows(ReadSink sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
      col = -1;
    }

    @Override
    public void cell(String ref, String value, XSSFComment comment) {
      col = ref == null ? col + 1 : new CellReference(ref).getCol();
      if (value != null) {
        cells.put(col, value);
      }
    }

    @Override
    public void endRow(int rowNum) {
      if (header == null) {
        header = header(cells);
      } else {
        row(header, cells, rowNum + 1, sink);
      }
    }
  }

  /** Column names (lower case) by index, when the row names a {@code title} column; else null (still looking). */
  private static Map<String, Integer> header(Map<Integer, String> cells) {
    Map<String, Integer> h = new LinkedHashMap<>();
    cells.forEach((i, v) -> h.putIfAbsent(v.strip().toLowerCase(Locale.ROOT), i));
    return h.containsKey("title") ? h : null;
  }

  private static void row(Map<String, Integer> header, Map<Integer, String> cells, int rowNo, ReadSink sink) {
    if (cells.values().stream().allMatch(String::isBlank)) {
      return;
    }
    String years = cell(header, cells, "years");
    String company = cell(header, cells, "company");
    String title = cell(header, cells, "title");
    String body = cell(header, cells, "contents");
    String link = cell(header, cells, "link");
    String date = null;
    if (years != null && !years.isBlank()) {
      date = CompanyTsvReader.isoDate(years.strip());
      if (date == null) {
        sink.reject(rowNo, "column 'years' '" + ListingReader.preview(years.strip()) + "' is not a date like 2019.06.25.");
        return;
      }
    }
    String label = company == null ? "" : company.strip();
    String press = label.isEmpty() ? null : PressNames.canonical(label);
    Map<String, String> extra = new LinkedHashMap<>();
    if (press != null && !press.equals(label)) {
      extra.put("press_label", JsonText.string(label));
    }
    String url = link == null || link.isBlank() ? null : link.strip();
    sink.article(new ArticleDraft(title, body, press, List.of(), null, date, url, url == null ? null : NaverNews.section(url), extra),
        rowNo);
  }

  private static String cell(Map<String, Integer> header, Map<Integer, String> cells, String name) {
    Integer i = header.get(name);
    return i == null ? null : cells.get(i);
  }
}

package sosik.ingest;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import sosik.article.PressNames;

/**
 * {@code company-xlsx}: the {@code crawling*.xlsx} sheets of the company-news-2019 set, one article
 * a row under a header row naming the columns {@code years} (the date, {@code 2019.03.31.}), {@code
 * company} (the press, despite its name), {@code title}, {@code contents} and {@code link}; read as
 * {@link CompanyTsvReader} reads the same columns. Rejections name the sheet's row number.
 *
 * <p>An {@code .xlsx} file is a ZIP archive of XML parts; Sosik reads the first worksheet and the
 * shared strings with the JDK's ZIP and StAX readers (DTDs off, as for feeds), no spreadsheet
 * library. A part larger than {@value #MAX_PART_BYTES} bytes unpacked is refused (a ZIP bomb), as
 * is a file that is not a ZIP archive or holds no worksheet.
 */
public final class CompanyXlsxReader implements ArticleReader {
  /** The largest part unpacked. */
  static final int MAX_PART_BYTES = 256 * 1024 * 1024;
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

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
    Map<String, byte[]> parts = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(in.bytes())) {
      ZipEntry e;
      boolean any = false;
      while ((e = zip.getNextEntry()) != null) {
        any = true;
        String name = e.getName();
        if (name.equals("xl/sharedStrings.xml") || name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
          byte[] b = unpack(zip);
          if (b == null) {
            sink.reject(0, "not read: the part " + name + " unpacks to more than " + MAX_PART_BYTES / (1024 * 1024) + " MB");
            return;
          }
          parts.put(name, b);
        }
      }
      if (!any) {
        sink.reject(0, "not an .xlsx workbook: not a ZIP archive");
        return;
      }
    } catch (ZipException e) {
      sink.reject(0, "not an .xlsx workbook: " + e.getMessage());
      return;
    }
    String sheet = parts.containsKey("xl/worksheets/sheet1.xml") ? "xl/worksheets/sheet1.xml"
        : parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/")).sorted().findFirst().orElse(null);
    if (sheet == null) {
      sink.reject(0, "not an .xlsx workbook: it holds no worksheet");
      return;
    }
    try {
      List<String> shared = parts.containsKey("xl/sharedStrings.xml") ? sharedStrings(parts.get("xl/sharedStrings.xml")) : List.of();
      rows(parts.get(sheet), shared, sink);
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      sink.reject(0, "the worksheet is not well-formed XML (line " + line + " of " + sheet + "): " + e.getMessage());
    }
  }

  private static byte[] unpack(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = in.read(buf)) != -1) {
      if (out.size() + n > MAX_PART_BYTES) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** The shared strings, each the text of its runs. */
  private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
    List<String> out = new ArrayList<>();
    XMLStreamReader r = FeedReader.factory().createXMLStreamReader(new ByteArrayInputStream(xml));
    StringBuilder current = null;
    boolean inText = false;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.DTD) {
        throw new XMLStreamException("a DTD is not read");
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String local = r.getLocalName();
        if (local.equals("si")) {
          current = new StringBuilder();
        } else if (local.equals("t") && current != null) {
          inText = true;
        } else if (local.equals("rPh")) {
          skip(r); // phonetic guides are not the cell's text
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        String local = r.getLocalName();
        if (local.equals("t")) {
          inText = false;
        } else if (local.equals("si") && current != null) {
          out.add(current.toString());
          current = null;
        }
      } else if (inText && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)) {
        current.append(r.getText());
      }
    }
    return out;
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private void rows(byte[] xml, List<String> shared, ReadSink sink) throws XMLStreamException {
    XMLStreamReader r = FeedReader.factory().createXMLStreamReader(new ByteArrayInputStream(xml));
    Map<String, Integer> header = null;
    int rowNo = 0;
    TreeMap<Integer, String> cells = null;
    int col = -1;
    String type = null;
    StringBuilder value = null;
    boolean inValue = false;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.DTD) {
        throw new XMLStreamException("a DTD is not read");
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String local = r.getLocalName();
        if (local.equals("row")) {
          String at = r.getAttributeValue(null, "r");
          rowNo = at != null && at.matches("\\d{1,9}") ? Integer.parseInt(at) : rowNo + 1;
          cells = new TreeMap<>();
          col = -1;
        } else if (local.equals("c") && cells != null) {
          String ref = r.getAttributeValue(null, "r");
          col = ref == null ? col + 1 : column(ref);
          type = r.getAttributeValue(null, "t");
          value = new StringBuilder();
        } else if ((local.equals("v") || local.equals("t")) && value != null) {
          inValue = true;
        } else if (local.equals("rPh")) {
          skip(r);
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        String local = r.getLocalName();
        if (local.equals("v") || local.equals("t")) {
          inValue = false;
        } else if (local.equals("c") && value != null && cells != null) {
          String text = value.toString();
          if ("s".equals(type)) {
            int i = text.strip().matches("\\d{1,9}") ? Integer.parseInt(text.strip()) : -1;
            text = i >= 0 && i < shared.size() ? shared.get(i) : null;
          }
          if (text != null) {
            cells.put(col, text);
          }
          value = null;
        } else if (local.equals("row") && cells != null) {
          if (header == null) {
            header = header(cells);
          } else {
            row(header, cells, rowNo, sink);
          }
          cells = null;
        }
      } else if (inValue && value != null && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)) {
        value.append(r.getText());
      }
    }
    if (header == null || !header.containsKey("title")) {
      sink.reject(0, "no header row naming the columns years, company, title, contents, link");
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

  /** {@code B2} → 1 (columns from 0). */
  static int column(String ref) {
    int c = 0;
    int i = 0;
    while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
      c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
      i++;
    }
    return c - 1;
  }
}

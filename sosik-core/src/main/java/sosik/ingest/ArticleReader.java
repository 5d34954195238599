package sosik.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads one source format. A reader streams: it sends each article (or rejection) to the sink as
 * soon as it is read, so a file of any size needs only one article's memory. A broken record is
 * reported with its line and the reader goes on with the next one; only an I/O failure stops it.
 *
 * <p>New formats implement this interface and register in {@link Formats}. The ingestor hands
 * every source over as bytes ({@link #read(ByteSource, ReadSink)}); a text format implements only
 * {@link #read(String, BufferedReader, ReadSink)} and gets the bytes decoded, while a format that
 * declares its own encoding (XML, HTML) overrides the byte method too.
 */
public interface ArticleReader {
  /** The format's name as {@code --format} takes it, e.g. {@code jsonl}. */
  String name();

  /** Reads {@code in}, whose name (a file path) is {@code source}, into {@code sink}. */
  void read(String source, BufferedReader in, ReadSink sink) throws IOException;

  /**
   * Reads a source given as bytes. By default they are decoded as the charset the transport
   * declared, else as UTF-8, and read by {@link #read(String, BufferedReader, ReadSink)}; bytes
   * that do not decode become U+FFFD (the ingestor then rejects the article holding them, not the
   * whole source). Formats whose documents declare their encoding override this.
   */
  default void read(ByteSource in, ReadSink sink) throws IOException {
    Charset charset = in.charset() != null ? in.charset() : StandardCharsets.UTF_8;
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    read(in.name(), new BufferedReader(new InputStreamReader(in.bytes(), decoder), 1 << 16), sink);
  }

  /**
   * True for formats whose documents declare their own encoding (XML, HTML): the ingestor hands
   * them the bytes ({@link #read(ByteSource, ReadSink)}), with a charset only when the transport
   * declared one or the bytes are CP949 and the document declares nothing. Text formats (false)
   * get text the ingestor decoded, line by line when nothing declares an encoding.
   */
  default boolean readsBytes() {
    return false;
  }

  /**
   * True for formats that are not text at all (an {@code .xlsx} workbook): the ingestor hands them
   * the bytes as they are, with no encoding to find.
   */
  default boolean binary() {
    return false;
  }

  /**
   * Whether a file found while walking a directory given with {@code --format} is one of this
   * format's files. By default every file is; formats whose files sit beside others (a data set's
   * {@code .xlsx} next to its {@code .txt}) take only their own file names.
   */
  default boolean reads(Path file) {
    return true;
  }
}

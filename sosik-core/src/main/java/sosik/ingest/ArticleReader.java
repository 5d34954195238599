package sosik.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one source format. A reader streams: it sends each article (or rejection) to the sink as
 * soon as it is read, so a file of any size needs only one article's memory. A broken record is
 * reported with its line and the reader goes on with the next one; only an I/O failure stops it.
 *
 * <p>New formats (RSS, Atom, article pages, CSV…) implement this interface and register in {@link
 * Formats}.
 */
public interface ArticleReader {
  /** The format's name as {@code --format} takes it, e.g. {@code jsonl}. */
  String name();

  /** Reads {@code in}, whose name (a file path) is {@code source}, into {@code sink}. */
  void read(String source, BufferedReader in, ReadSink sink) throws IOException;

  /**
   * Whether a file found while walking a directory given with {@code --format} is one of this
   * format's files. By default every file is; formats whose files sit beside others (a data set's
   * {@code .xlsx} next to its {@code .txt}) take only their own file names.
   */
  default boolean reads(Path file) {
    return true;
  }
}

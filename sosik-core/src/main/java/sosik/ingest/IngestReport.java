package sosik.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts of one ingest run, by outcome. {@code added}, {@code updated} and {@code unchanged} count
 * only articles whose write was committed to disk.
 */
public final class IngestReport {
  /** At most this many rejections are kept with their messages; all are counted. */
  public static final int MAX_KEPT_REJECTIONS = 1_000;

  long files;
  long filesRejected;
  long read;
  long added;
  long updated;
  long unchanged;
  long rejected;
  long bytes;
  long startNanos = System.nanoTime();
  long endNanos;
  final List<Rejection> rejections = new ArrayList<>();

  public long files() {
    return files;
  }

  public long filesRejected() {
    return filesRejected;
  }

  public long read() {
    return read;
  }

  public long added() {
    return added;
  }

  public long updated() {
    return updated;
  }

  public long unchanged() {
    return unchanged;
  }

  public long rejected() {
    return rejected;
  }

  public long bytes() {
    return bytes;
  }

  public List<Rejection> rejections() {
    return Collections.unmodifiableList(rejections);
  }

  public double seconds() {
    long end = endNanos == 0 ? System.nanoTime() : endNanos;
    return (end - startNanos) / 1e9;
  }

  /** Articles read per second so far. */
  public double rate() {
    double s = seconds();
    return s <= 0 ? 0 : read / s;
  }

  /** True when something (an article or a whole file) was rejected. */
  public boolean hasRejections() {
    return rejected > 0 || filesRejected > 0;
  }

  void reject(Rejection r, boolean wholeFile) {
    if (wholeFile) {
      filesRejected++;
    } else {
      rejected++;
    }
    if (rejections.size() < MAX_KEPT_REJECTIONS) {
      rejections.add(r);
    }
  }
}

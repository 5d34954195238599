package sosik.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.store.FSDirectory;

/**
 * Rewrites a Sosik index's Lucene files into one segment with the stored fields compressed for
 * speed (LZ4) or for size (DEFLATE), copying the rest of the index directory: two indexes that
 * differ only in that, for comparing size and query latency without indexing twice.
 *
 * <p>{@code CoreBench recodec --from DIR --to DIR --mode speed|size}
 */
final class Recodec {
  private Recodec() {}

  static void main(String[] args) throws Exception {
    Path from = null;
    Path to = null;
    Lucene912Codec.Mode mode = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--from" -> from = Path.of(args[++i]);
        case "--to" -> to = Path.of(args[++i]);
        case "--mode" -> mode = args[++i].equals("size") ? Lucene912Codec.Mode.BEST_COMPRESSION : Lucene912Codec.Mode.BEST_SPEED;
        default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
      }
    }
    if (from == null || to == null || mode == null) {
      throw new IllegalArgumentException("recodec needs --from DIR --to DIR --mode speed|size");
    }
    if (Files.exists(to)) {
      throw new IllegalArgumentException(to + " exists");
    }
    Files.createDirectories(to.resolve("lucene"));
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    long t0 = System.nanoTime();
    try (FSDirectory src = FSDirectory.open(from.resolve("lucene"));
        FSDirectory dst = FSDirectory.open(to.resolve("lucene"));
        DirectoryReader r = DirectoryReader.open(src)) {
      IndexWriterConfig cfg = new IndexWriterConfig(null);
      cfg.setCodec(new Lucene912Codec(mode));
      try (IndexWriter w = new IndexWriter(dst, cfg)) {
        List<CodecReader> readers = new ArrayList<>();
        for (LeafReaderContext leaf : r.leaves()) {
          readers.add(SlowCodecReaderWrapper.wrap(leaf.reader()));
        }
        w.addIndexes(readers.toArray(new CodecReader[0]));
        w.forceMerge(1);
        w.commit();
      }
    }
    System.out.printf(Locale.ROOT, "%s -> %s (%s): %,d -> %,d bytes in %.1f s%n", from, to, mode,
        IndexBench.sizeOf(from.resolve("lucene")), IndexBench.sizeOf(to.resolve("lucene")), (System.nanoTime() - t0) / 1e9);
  }
}

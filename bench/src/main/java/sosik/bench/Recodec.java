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
import sosik.group.Signature;

/**
 * Rewrites a Sosik index's Lucene files into one segment with the stored fields compressed for
 * speed (LZ4) or for size (DEFLATE), copying the rest of the index directory: two indexes that
 * differ only in that, for comparing size and query latency without indexing twice.
 *
 * <p>With {@code --sig16}, the group signatures (binary doc values) are rewritten as {@link
 * Signature#toBytes} writes them now (16-bit minima): what indexing the same articles again would store.
 *
 * <p>With {@code --pack}, headlines and bodies stored as strings are rewritten as the index now
 * stores them ({@code PackedText}); ones already packed are copied as they are.
 *
 * <p>With {@code --cards}, every article without a member card ({@code MemberCard}: id and headline
 * as one doc value, index layout 6) gets the one indexing it now would give it.
 *
 * <p>{@code CoreBench recodec --from DIR --to DIR --mode speed|size [--sig16] [--pack] [--cards]}
 */
final class Recodec {
  private Recodec() {}

  static void main(String[] args) throws Exception {
    Path from = null;
    Path to = null;
    Lucene912Codec.Mode mode = null;
    boolean sig16 = false;
    boolean pack = false;
    boolean cards = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--from" -> from = Path.of(args[++i]);
        case "--to" -> to = Path.of(args[++i]);
        case "--sig16" -> sig16 = true;
        case "--pack" -> pack = true;
        case "--cards" -> cards = true;
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
          CodecReader cr = SlowCodecReaderWrapper.wrap(leaf.reader());
          if (sig16) {
            cr = new Sig16(cr);
          }
          if (pack) {
            cr = new Packed(cr);
          }
          readers.add(cards ? new Cards(cr) : cr);
        }
        w.addIndexes(readers.toArray(new CodecReader[0]));
        w.forceMerge(1);
        w.commit();
      }
    }
    System.out.printf(Locale.ROOT, "%s -> %s (%s%s%s): %,d -> %,d bytes in %.1f s%n", from, to, mode, sig16 ? ", signatures rewritten with 16-bit minima" : "",
        (pack ? ", headline and body packed" : "") + (cards ? ", member cards added" : ""),
        IndexBench.sizeOf(from.resolve("lucene")), IndexBench.sizeOf(to.resolve("lucene")), (System.nanoTime() - t0) / 1e9);
  }

  /** A reader rewriting some of what it reads, for {@code addIndexes}: no caching. */
  private abstract static class Rewriting extends org.apache.lucene.index.FilterCodecReader {
    Rewriting(CodecReader in) {
      super(in);
    }

    @Override
    public org.apache.lucene.index.IndexReader.CacheHelper getCoreCacheHelper() {
      return null;
    }

    @Override
    public org.apache.lucene.index.IndexReader.CacheHelper getReaderCacheHelper() {
      return null;
    }
  }

  /** Doc values read from {@code p} (null when the segment has none), but for the binary ones a subclass rewrites. */
  private abstract static class BinaryOnly extends org.apache.lucene.codecs.DocValuesProducer {
    final org.apache.lucene.codecs.DocValuesProducer p;

    BinaryOnly(org.apache.lucene.codecs.DocValuesProducer p) {
      this.p = p;
    }

    @Override
    public org.apache.lucene.index.NumericDocValues getNumeric(org.apache.lucene.index.FieldInfo f) throws IOException {
      return p.getNumeric(f);
    }

    @Override
    public org.apache.lucene.index.SortedDocValues getSorted(org.apache.lucene.index.FieldInfo f) throws IOException {
      return p.getSorted(f);
    }

    @Override
    public org.apache.lucene.index.SortedNumericDocValues getSortedNumeric(org.apache.lucene.index.FieldInfo f) throws IOException {
      return p.getSortedNumeric(f);
    }

    @Override
    public org.apache.lucene.index.SortedSetDocValues getSortedSet(org.apache.lucene.index.FieldInfo f) throws IOException {
      return p.getSortedSet(f);
    }

    @Override
    public void checkIntegrity() throws IOException {
      if (p != null) { // null: a segment without doc values of its own
        p.checkIntegrity();
      }
    }

    @Override
    public void close() throws IOException {
      if (p != null) {
        p.close();
      }
    }
  }

  /** A reader whose articles all have a member card: made from the stored id and headline where missing. */
  private static final class Cards extends Rewriting {
    static final String FIELD = "member_card_dv";
    private final org.apache.lucene.index.FieldInfos infos;
    private final boolean had;

    Cards(CodecReader in) {
      super(in);
      org.apache.lucene.index.FieldInfos old = in.getFieldInfos();
      had = old.fieldInfo(FIELD) != null;
      if (had) {
        infos = old;
      } else {
        List<org.apache.lucene.index.FieldInfo> all = new ArrayList<>();
        int number = 0;
        for (org.apache.lucene.index.FieldInfo f : old) {
          all.add(f);
          number = Math.max(number, f.number + 1);
        }
        all.add(new org.apache.lucene.index.FieldInfo(FIELD, number, false, false, false, org.apache.lucene.index.IndexOptions.NONE,
            org.apache.lucene.index.DocValuesType.BINARY, -1, java.util.Map.of(), 0, 0, 0, 0,
            org.apache.lucene.index.VectorEncoding.FLOAT32, org.apache.lucene.index.VectorSimilarityFunction.EUCLIDEAN, false, false));
        infos = new org.apache.lucene.index.FieldInfos(all.toArray(new org.apache.lucene.index.FieldInfo[0]));
      }
    }

    @Override
    public org.apache.lucene.index.FieldInfos getFieldInfos() {
      return infos;
    }

    @Override
    public org.apache.lucene.codecs.DocValuesProducer getDocValuesReader() {
      org.apache.lucene.codecs.DocValuesProducer p = in.getDocValuesReader();
      if (had) {
        return p;
      }
      org.apache.lucene.codecs.StoredFieldsReader stored = in.getFieldsReader();
      int maxDoc = in.maxDoc();
      return new BinaryOnly(p) {
        @Override
        public org.apache.lucene.index.BinaryDocValues getBinary(org.apache.lucene.index.FieldInfo f) throws IOException {
          if (!f.name.equals(FIELD)) {
            return p.getBinary(f);
          }
          org.apache.lucene.codecs.StoredFieldsReader reader = stored.clone();
          return new org.apache.lucene.index.BinaryDocValues() {
            private int doc = -1;

            @Override
            public org.apache.lucene.util.BytesRef binaryValue() throws IOException {
              org.apache.lucene.document.DocumentStoredFieldVisitor v =
                  new org.apache.lucene.document.DocumentStoredFieldVisitor(java.util.Set.of("id", "title"));
              reader.document(doc, v);
              org.apache.lucene.document.Document d = v.getDocument();
              org.apache.lucene.util.BytesRef t = d.getBinaryValue("title");
              String title = t != null ? sosik.index.lucene.PackedText.decode(t.bytes, t.offset, t.length, "title of " + doc) : d.get("title");
              return new org.apache.lucene.util.BytesRef(sosik.index.lucene.MemberCard.encode(d.get("id"), title));
            }

            @Override
            public boolean advanceExact(int target) {
              doc = target;
              return true;
            }

            @Override
            public int docID() {
              return doc;
            }

            @Override
            public int nextDoc() {
              return advance(doc + 1);
            }

            @Override
            public int advance(int target) {
              doc = target >= maxDoc ? NO_MORE_DOCS : target;
              return doc;
            }

            @Override
            public long cost() {
              return maxDoc;
            }
          };
        }

      };
    }

  }

  /** A reader whose stored headlines and bodies read back packed. */
  private static final class Packed extends Rewriting {
    Packed(CodecReader in) {
      super(in);
    }

    @Override
    public org.apache.lucene.codecs.StoredFieldsReader getFieldsReader() {
      return new PackingReader(in.getFieldsReader());
    }

  }

  private static final class PackingReader extends org.apache.lucene.codecs.StoredFieldsReader {
    private final org.apache.lucene.codecs.StoredFieldsReader in;

    PackingReader(org.apache.lucene.codecs.StoredFieldsReader in) {
      this.in = in;
    }

    @Override
    public void document(int docID, org.apache.lucene.index.StoredFieldVisitor visitor) throws IOException {
      in.document(docID, new org.apache.lucene.index.StoredFieldVisitor() {
        @Override
        public Status needsField(org.apache.lucene.index.FieldInfo f) throws IOException {
          return visitor.needsField(f);
        }

        @Override
        public void binaryField(org.apache.lucene.index.FieldInfo f, org.apache.lucene.store.DataInput value, int length) throws IOException {
          visitor.binaryField(f, value, length);
        }

        @Override
        public void stringField(org.apache.lucene.index.FieldInfo f, String value) throws IOException {
          if (f.name.equals("title") || f.name.equals("body")) {
            byte[] b = sosik.index.lucene.PackedText.encode(value);
            visitor.binaryField(f, new org.apache.lucene.store.ByteArrayDataInput(b), b.length);
          } else {
            visitor.stringField(f, value);
          }
        }

        @Override
        public void intField(org.apache.lucene.index.FieldInfo f, int value) throws IOException {
          visitor.intField(f, value);
        }

        @Override
        public void longField(org.apache.lucene.index.FieldInfo f, long value) throws IOException {
          visitor.longField(f, value);
        }

        @Override
        public void floatField(org.apache.lucene.index.FieldInfo f, float value) throws IOException {
          visitor.floatField(f, value);
        }

        @Override
        public void doubleField(org.apache.lucene.index.FieldInfo f, double value) throws IOException {
          visitor.doubleField(f, value);
        }
      });
    }

    @Override
    public org.apache.lucene.codecs.StoredFieldsReader clone() {
      return new PackingReader(in.clone());
    }

    @Override
    public void checkIntegrity() throws IOException {
      in.checkIntegrity();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** A reader whose group signatures read back in the current layout. */
  private static final class Sig16 extends Rewriting {
    Sig16(CodecReader in) {
      super(in);
    }

    @Override
    public org.apache.lucene.codecs.DocValuesProducer getDocValuesReader() {
      org.apache.lucene.codecs.DocValuesProducer p = in.getDocValuesReader();
      return new BinaryOnly(p) {
        @Override
        public org.apache.lucene.index.BinaryDocValues getBinary(org.apache.lucene.index.FieldInfo f) throws IOException {
          org.apache.lucene.index.BinaryDocValues b = p.getBinary(f);
          if (!f.name.equals("group_sig_dv")) {
            return b;
          }
          return new org.apache.lucene.index.FilterBinaryDocValues(b) {
            @Override
            public org.apache.lucene.util.BytesRef binaryValue() throws IOException {
              org.apache.lucene.util.BytesRef v = in.binaryValue();
              byte[] old = java.util.Arrays.copyOfRange(v.bytes, v.offset, v.offset + v.length);
              return new org.apache.lucene.util.BytesRef(Signature.fromBytes(old).toBytes());
            }
          };
        }

      };
    }

  }
}

package sosik.index.lucene;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Article ids by Lucene document number, read once per segment from the id terms (not from the
 * stored fields, whose decompression would dominate a ranking that needs only ids), and kept while
 * the segment lives. Used by {@link LuceneNewsIndex#rank}; a search page reads whole documents
 * anyway and does not need it.
 */
final class IdLookup {
  private final Map<IndexReader.CacheKey, String[]> bySegment = Collections.synchronizedMap(new WeakHashMap<>());

  String id(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    LeafReader r = leaf.reader();
    int local = doc - leaf.docBase;
    IndexReader.CacheHelper helper = r.getCoreCacheHelper();
    String[] ids = helper == null ? null : bySegment.get(helper.getKey());
    if (ids == null) {
      ids = read(r);
      if (helper != null) {
        bySegment.put(helper.getKey(), ids);
      }
    }
    String id = ids[local];
    return id != null ? id : StoredDocs.read(r.storedFields(), local).get(Fields.ID);
  }

  private static String[] read(LeafReader r) throws IOException {
    String[] ids = new String[r.maxDoc()];
    Terms terms = r.terms(Fields.ID);
    if (terms == null) {
      return ids;
    }
    TermsEnum te = terms.iterator();
    PostingsEnum pe = null;
    BytesRef term;
    while ((term = te.next()) != null) {
      String id = term.utf8ToString();
      pe = te.postings(pe, PostingsEnum.NONE);
      for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
        ids[d] = id;
      }
    }
    return ids;
  }
}

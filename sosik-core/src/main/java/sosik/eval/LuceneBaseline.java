package sosik.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * A plain Lucene baseline: an in-memory index of {@code title} and {@code text}, BM25 (Lucene's
 * defaults, k1 = 1.2, b = 0.75), and for a query the disjunction of its tokens, each token matching
 * in the title (boosted as Sosik boosts headlines) or in the text. No operators, no phrases, no
 * minimum match: the usual "bag of words" first-stage retriever.
 */
public final class LuceneBaseline implements RetrievalSystem {
  /** The same headline weight as Sosik's. */
  public static final float TITLE_BOOST = 2.0f;

  private static final String ID = "id";
  private static final String TITLE = "title";
  private static final String TEXT = "text";

  private final String name;
  private final Analyzer analyzer;
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private LuceneBaseline(String name, Analyzer analyzer, List<EvalDoc> docs) throws IOException {
    this.name = name;
    this.analyzer = analyzer;
    this.directory = new ByteBuffersDirectory();
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
    cfg.setSimilarity(new BM25Similarity());
    cfg.setRAMBufferSizeMB(64);
    try (IndexWriter w = new IndexWriter(directory, cfg)) {
      for (EvalDoc d : docs) {
        Document doc = new Document();
        doc.add(new SortedDocValuesField(ID, new BytesRef(d.id())));
        doc.add(new TextField(TITLE, d.article().title(), Field.Store.NO));
        doc.add(new TextField(TEXT, d.article().body(), Field.Store.NO));
        w.addDocument(doc);
      }
      w.commit();
    }
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity());
  }

  /** Lucene's {@link StandardAnalyzer} (Unicode word breaks, lower case, no stop words). */
  public static LuceneBaseline standard(List<EvalDoc> docs) throws IOException {
    return new LuceneBaseline("standard", new StandardAnalyzer(), docs);
  }

  /** Stock Nori: {@link KoreanAnalyzer} with its defaults (no user dictionary, compounds split). */
  public static LuceneBaseline nori(List<EvalDoc> docs) throws IOException {
    return new LuceneBaseline("nori", new KoreanAnalyzer(), docs);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Result search(String query, int k) throws IOException {
    Query q = query(query);
    if (q == null) {
      return Result.of(List.of());
    }
    ScoreDoc[] top = searcher.search(q, k).scoreDocs;
    List<String> ids = new ArrayList<>(top.length);
    List<LeafReaderContext> leaves = reader.leaves();
    for (ScoreDoc sd : top) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      SortedDocValues dv = DocValues.getSorted(leaf.reader(), ID);
      if (!dv.advanceExact(sd.doc - leaf.docBase)) {
        throw new IllegalStateException("document " + sd.doc + " has no id");
      }
      ids.add(dv.lookupOrd(dv.ordValue()).utf8ToString());
    }
    return Result.of(ids);
  }

  /** Every token of the query, in the title (boosted) or the text; null when there is none. */
  Query query(String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tokens.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tokens.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String t : tokens.subList(0, Math.min(tokens.size(), IndexSearcher.getMaxClauseCount() / 2))) {
      b.add(new BooleanQuery.Builder()
          .add(new BoostQuery(new TermQuery(new Term(TITLE, t)), TITLE_BOOST), BooleanClause.Occur.SHOULD)
          .add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD)
          .build(), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      directory.close();
      analyzer.close();
    }
  }
}

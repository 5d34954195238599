package sosik.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import sosik.search.SnippetMaker;

/**
 * The query words' matches in the headline and body of a page's hits, read straight from the
 * offsets in the postings: one postings list per term, field and segment, moved forward through the
 * page's documents in order. The matches are those Lucene's unified highlighter finds with its
 * weight matches (what {@link LuceneHighlights} used for every page before): every clause of the
 * rewritten highlight query read from the highlighted field's terms, whichever field it names; a
 * term's every occurrence, a phrase's every occurrence from its first token's start to its last
 * token's end, named by its terms joined with spaces; in order of start, end and name. The
 * highlighter made its weight, a postings list per clause and a passage per hit and field; that
 * was most of the time a page's snippets took.
 *
 * <p>Only a highlight query of terms and exact phrases under disjunctions and boosts is read this
 * way; {@link #of} gives null for anything else (the caller falls back to the highlighter).
 */
final class PostingsMarks {
  /** One clause: its terms and their positions in the phrase (one term at 0 for a term query), and its name. */
  private record Clause(BytesRef[] terms, int[] positions, String name) {}

  private final List<Clause> clauses;
  /** The distinct terms of all clauses. */
  private final List<BytesRef> terms;

  private PostingsMarks(List<Clause> clauses) {
    this.clauses = clauses;
    List<BytesRef> distinct = new ArrayList<>();
    for (Clause c : clauses) {
      for (BytesRef t : c.terms()) {
        if (!distinct.contains(t)) {
          distinct.add(t);
        }
      }
    }
    this.terms = distinct;
  }

  /**
   * The marks of {@code query} (already rewritten), or null when it holds a part other than terms,
   * exact phrases, pure disjunctions and boosts.
   */
  static PostingsMarks of(Query rewritten) {
    List<Clause> out = new ArrayList<>();
    return collect(rewritten, out) ? new PostingsMarks(out) : null;
  }

  private static boolean collect(Query q, List<Clause> out) {
    if (q instanceof BoostQuery b) {
      return collect(b.getQuery(), out);
    }
    if (q instanceof MatchNoDocsQuery) {
      return true;
    }
    if (q instanceof TermQuery t) {
      out.add(new Clause(new BytesRef[] {t.getTerm().bytes()}, new int[] {0}, t.getTerm().text()));
      return true;
    }
    if (q instanceof PhraseQuery p) {
      if (p.getSlop() != 0 || p.getTerms().length == 0) {
        return false;
      }
      Term[] ts = p.getTerms();
      BytesRef[] bytes = new BytesRef[ts.length];
      StringBuilder name = new StringBuilder();
      for (int i = 0; i < ts.length; i++) {
        bytes[i] = ts[i].bytes();
        if (i > 0) {
          name.append(' ');
        }
        name.append(ts[i].text());
      }
      out.add(new Clause(bytes, p.getPositions().clone(), name.toString()));
      return true;
    }
    if (q instanceof BooleanQuery b) {
      if (b.getMinimumNumberShouldMatch() != 0) {
        return false;
      }
      for (BooleanClause c : b.clauses()) {
        if (c.getOccur() != BooleanClause.Occur.SHOULD || !collect(c.getQuery(), out)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * For each of {@code docIds} (in that order), the matches in {@code field}, whose text of each
   * hit is {@code texts[i]} (a match past its end is left out, as the highlighter leaves it); null
   * when a segment holding a hit indexes the field without offsets.
   */
  List<SnippetMaker.Match>[] read(IndexSearcher s, String field, int[] docIds, String[] texts) throws IOException {
    @SuppressWarnings("unchecked")
    List<SnippetMaker.Match>[] out = new List[docIds.length];
    if (clauses.isEmpty()) {
      Arrays.fill(out, List.of());
      return out;
    }
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    // the hits in document order, so that each postings list only moves forward
    Integer[] order = new Integer[docIds.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(docIds[a], docIds[b]));
    // occurrences[hit][term]: position, start, end of each occurrence, in position order
    int[][][] occurrences = new int[docIds.length][terms.size()][];
    int at = 0;
    while (at < order.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docIds[order[at]], leaves));
      int end = at;
      while (end < order.length && docIds[order[end]] < leaf.docBase + leaf.reader().maxDoc()) {
        end++;
      }
      FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
      Terms indexed = leaf.reader().terms(field);
      if (info != null && info.getIndexOptions() != IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) {
        return null;
      }
      if (indexed != null) {
        TermsEnum te = indexed.iterator();
        PostingsEnum pe = null;
        for (int t = 0; t < terms.size(); t++) {
          if (!te.seekExact(terms.get(t))) {
            continue;
          }
          pe = te.postings(pe, PostingsEnum.OFFSETS);
          for (int k = at; k < end; k++) {
            int hit = order[k];
            int doc = docIds[hit] - leaf.docBase;
            int d = pe.docID();
            if (d < doc) {
              d = pe.advance(doc);
            }
            if (k > at && docIds[order[k - 1]] == docIds[hit]) {
              occurrences[hit][t] = occurrences[order[k - 1]][t]; // the same document twice
            } else if (d == doc) {
              int freq = pe.freq();
              int[] o = new int[freq * 3];
              for (int i = 0; i < freq; i++) {
                o[3 * i] = pe.nextPosition();
                o[3 * i + 1] = pe.startOffset();
                o[3 * i + 2] = pe.endOffset();
              }
              occurrences[hit][t] = o;
            }
            if (d == PostingsEnum.NO_MORE_DOCS) {
              break;
            }
          }
        }
      }
      at = end;
    }
    for (int hit = 0; hit < docIds.length; hit++) {
      out[hit] = matches(occurrences[hit], texts[hit] == null ? 0 : texts[hit].length());
    }
    return out;
  }

  private List<SnippetMaker.Match> matches(int[][] occ, int length) {
    List<SnippetMaker.Match> out = new ArrayList<>();
    for (Clause c : clauses) {
      if (c.terms().length == 1) {
        int[] o = occ[terms.indexOf(c.terms()[0])];
        if (o != null) {
          for (int i = 0; i < o.length; i += 3) {
            add(out, o[i + 1], o[i + 2], c.name(), length);
          }
        }
        continue;
      }
      phrase(c, occ, length, out);
    }
    out.sort((a, b) -> {
      int cmp = Integer.compare(a.start(), b.start());
      if (cmp == 0) {
        cmp = Integer.compare(a.end(), b.end());
      }
      return cmp != 0 ? cmp : new BytesRef(a.term()).compareTo(new BytesRef(b.term()));
    });
    return out;
  }

  /**
   * Every exact occurrence of the phrase: as Lucene's exact phrase matcher finds them, led by the
   * term of the lowest position in the phrase, from its start to the end of the term of the highest.
   */
  private void phrase(Clause c, int[][] occ, int length, List<SnippetMaker.Match> out) {
    int n = c.terms().length;
    // the phrase's terms by position (then term), as the matcher orders them
    Integer[] byPos = new Integer[n];
    for (int i = 0; i < n; i++) {
      byPos[i] = i;
    }
    Arrays.sort(byPos, (a, b) -> {
      int cmp = Integer.compare(c.positions()[a], c.positions()[b]);
      return cmp != 0 ? cmp : c.terms()[a].compareTo(c.terms()[b]);
    });
    int[][] lists = new int[n][];
    for (int i = 0; i < n; i++) {
      lists[i] = occ[terms.indexOf(c.terms()[byPos[i]])];
      if (lists[i] == null) {
        return;
      }
    }
    int leadOffset = c.positions()[byPos[0]];
    int[] lead = lists[0];
    outer:
    for (int i = 0; i < lead.length; i += 3) {
      int phrasePos = lead[i] - leadOffset;
      int lastEnd = lead[i + 2];
      for (int j = 1; j < n; j++) {
        int k = find(lists[j], phrasePos + c.positions()[byPos[j]]);
        if (k < 0) {
          continue outer;
        }
        lastEnd = lists[j][k + 2];
      }
      add(out, lead[i + 1], lastEnd, c.name(), length);
    }
  }

  /** The index of the occurrence at {@code position} in a list in position order, or -1. */
  private static int find(int[] list, int position) {
    int lo = 0;
    int hi = list.length / 3 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int p = list[3 * mid];
      if (p < position) {
        lo = mid + 1;
      } else if (p > position) {
        hi = mid - 1;
      } else {
        return 3 * mid;
      }
    }
    return -1;
  }

  private static void add(List<SnippetMaker.Match> out, int start, int end, String name, int length) {
    if (end <= length) {
      out.add(new SnippetMaker.Match(start, end, name));
    }
  }
}

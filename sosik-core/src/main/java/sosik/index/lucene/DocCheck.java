package sosik.index.lucene;

import java.io.IOException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;

/** Whether a document, asked for in increasing order, matches; the scorer it reads is then on it. */
interface DocCheck {
  boolean at(int doc) throws IOException;

  /**
   * Moves {@code scorer}'s approximation only to the documents asked for and confirms them with its
   * two-phase check, so that an expensive check (positions) runs only where a cheaper iterator led.
   */
  static DocCheck of(Scorer scorer) {
    TwoPhaseIterator check = scorer.twoPhaseIterator();
    DocIdSetIterator approximation = check == null ? scorer.iterator() : check.approximation();
    return doc -> {
      if (approximation.docID() < doc) {
        approximation.advance(doc);
      }
      return approximation.docID() == doc && (check == null || check.matches());
    };
  }
}

package sosik.index.lucene;

import java.io.IOException;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A scorer over an iterator (with its two-phase check, if any) whose score another source gives;
 * for the embedded index's own queries ({@link LeadQuery}, {@link PairPhraseQuery}), which collect
 * every match and so never ask for a bound.
 */
final class IteratorScorer extends Scorer {
  /** The score of the document an iterator is on. */
  interface Score {
    float score() throws IOException;
  }

  private final DocIdSetIterator iterator;
  private final TwoPhaseIterator twoPhase;
  private final Score score;

  IteratorScorer(Weight weight, DocIdSetIterator iterator, TwoPhaseIterator twoPhase, Score score) {
    super(weight);
    this.iterator = iterator;
    this.twoPhase = twoPhase;
    this.score = score;
  }

  /**
   * The documents of {@code postings}, scored by {@code sim} on the postings' count (0 when {@code
   * sim} is null: no scores asked for).
   */
  static IteratorScorer ofCounts(Weight weight, PostingsEnum postings, LeafSimScorer sim) {
    return new IteratorScorer(weight, postings, null,
        () -> sim == null ? 0f : sim.score(postings.docID(), postings.freq()));
  }

  /** The documents of {@code iterator} (unwrapping its two-phase check) scored by {@code score}. */
  static IteratorScorer of(Weight weight, DocIdSetIterator iterator, Score score) {
    return new IteratorScorer(weight, iterator, TwoPhaseIterator.unwrap(iterator), score);
  }

  @Override
  public int docID() {
    return iterator.docID();
  }

  @Override
  public DocIdSetIterator iterator() {
    return iterator;
  }

  @Override
  public TwoPhaseIterator twoPhaseIterator() {
    return twoPhase;
  }

  @Override
  public float getMaxScore(int upTo) {
    return Float.MAX_VALUE;
  }

  @Override
  public float score() throws IOException {
    return score.score();
  }
}

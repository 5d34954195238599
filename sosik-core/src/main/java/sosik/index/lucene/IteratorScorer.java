package sosik.index.lucene;

import java.io.IOException;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;

/**
 * A scorer over an iterator (with its two-phase check, if any) whose score another source gives;
 * for the embedded index's own queries ({@link LeadQuery}, {@link PairPhraseQuery}). Its bound on
 * the scores holds for the whole segment: what its similarity gives for the largest count and the
 * shortest text, or no bound where none is known.
 */
final class IteratorScorer extends Scorer {
  /** The score of the document an iterator is on. */
  interface Score {
    float score() throws IOException;
  }

  private final DocIdSetIterator iterator;
  private final TwoPhaseIterator twoPhase;
  private final Score score;
  private final float maxScore;

  IteratorScorer(Weight weight, DocIdSetIterator iterator, TwoPhaseIterator twoPhase, Score score, float maxScore) {
    super(weight);
    this.iterator = iterator;
    this.twoPhase = twoPhase;
    this.score = score;
    this.maxScore = maxScore;
  }

  /**
   * No score {@code sim} gives exceeds this: its score for the largest count, at every length a
   * text can have (each of the 256 length codes); a similarity scores no lower for a larger count
   * and no higher for a longer text, as Lucene's own bounds assume. 0 when {@code sim} is null (no
   * scores: every score is 0).
   */
  static float bound(LeafSimScorer sim) {
    if (sim == null) {
      return 0f;
    }
    Similarity.SimScorer s = sim.getSimScorer();
    float max = 0f;
    for (long norm = 0; norm < 256; norm++) {
      max = Math.max(max, s.score(Float.MAX_VALUE, norm));
    }
    return max;
  }

  /**
   * The documents of {@code postings}, scored by {@code sim} on the postings' count (0 when {@code
   * sim} is null: no scores asked for).
   */
  static IteratorScorer ofCounts(Weight weight, PostingsEnum postings, LeafSimScorer sim) {
    return new IteratorScorer(weight, postings, null,
        () -> sim == null ? 0f : sim.score(postings.docID(), postings.freq()), bound(sim));
  }

  /**
   * The documents of {@code iterator} (unwrapping its two-phase check) scored by {@code score},
   * none above {@code maxScore}.
   */
  static IteratorScorer of(Weight weight, DocIdSetIterator iterator, Score score, float maxScore) {
    return new IteratorScorer(weight, iterator, TwoPhaseIterator.unwrap(iterator), score, maxScore);
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
    return maxScore;
  }

  @Override
  public float score() throws IOException {
    return score.score();
  }
}

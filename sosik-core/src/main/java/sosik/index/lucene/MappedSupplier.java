package sosik.index.lucene;

import java.io.IOException;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;

/** A scorer supplier that gives its cost before any scorer is made and maps the scorer it makes. */
final class MappedSupplier extends ScorerSupplier {
  /** What is done to the scorer made. */
  interface Mapping {
    Scorer apply(Scorer scorer) throws IOException;
  }

  private final ScorerSupplier in;
  private final Mapping mapping;

  private MappedSupplier(ScorerSupplier in, Mapping mapping) {
    this.in = in;
    this.mapping = mapping;
  }

  /** {@code in} with its scorers mapped by {@code mapping}; null when {@code in} is (no match). */
  static ScorerSupplier of(ScorerSupplier in, Mapping mapping) {
    return in == null ? null : new MappedSupplier(in, mapping);
  }

  @Override
  public Scorer get(long leadCost) throws IOException {
    return mapping.apply(in.get(leadCost));
  }

  @Override
  public long cost() {
    return in.cost();
  }
}

package sosik.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosik.group.Signature;
import sosik.index.GroupFixtures;

class KeyLookupCodecTest {
  @TempDir Path dir;

  @Test
  void id_and_group_keys_are_written_behind_a_filter_and_the_other_fields_are_not() throws IOException {
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      idx.upsert(GroupFixtures.SAME_DAY);
      idx.commit();
    }
    // stored with the week they were published in (sosik.group.BandKeys)
    List<String> keys = sosik.group.BandKeys.stored(Signature.of(GroupFixtures.WIRE).bandKeys(), GroupFixtures.WIRE.publishedAt());
    try (FSDirectory d = FSDirectory.open(dir.resolve("lucene")); DirectoryReader r = DirectoryReader.open(d)) {
      assertThat(r.leaves()).isNotEmpty();
      for (LeafReaderContext leaf : r.leaves()) {
        assertThat(format(leaf, Fields.GROUP_BAND)).isEqualTo("BloomFilter");
        assertThat(format(leaf, Fields.ID)).isEqualTo("BloomFilter");
        assertThat(format(leaf, Fields.BODY)).isNotEqualTo("BloomFilter");
      }
      // through the filter: a stored key is found, a key never written is not
      boolean anyFound = false;
      for (LeafReaderContext leaf : r.leaves()) {
        Terms terms = leaf.reader().terms(Fields.GROUP_BAND);
        TermsEnum te = terms.iterator();
        anyFound |= te.seekExact(new BytesRef(keys.get(0)));
        assertThat(terms.iterator().seekExact(new BytesRef("zz_nothing-was-written-with-this-key"))).isFalse();
        assertThat(leaf.reader().terms(Fields.ID).iterator().seekExact(new BytesRef(GroupFixtures.WIRE.id()))).isTrue();
      }
      assertThat(anyFound).isTrue();
    }
  }

  @Test
  void segments_written_without_filters_are_still_read_and_searched_for_candidates() throws IOException {
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      idx.upsert(List.of(GroupFixtures.WIRE));
      idx.commit();
      idx.upsert(List.of(GroupFixtures.OTHER_STORY));
      idx.commit();
    }
    // merge the two segments into one written with Lucene's default codec, as before the filters
    try (FSDirectory d = FSDirectory.open(dir.resolve("lucene"));
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(null).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.forceMerge(1, true);
      w.commit();
    }
    try (FSDirectory d = FSDirectory.open(dir.resolve("lucene")); DirectoryReader r = DirectoryReader.open(d)) {
      assertThat(r.leaves()).hasSize(1);
      assertThat(format(r.leaves().get(0), Fields.GROUP_BAND)).isNotEqualTo("BloomFilter");
    }
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(dir, LuceneNewsIndex.Mode.WRITE)) {
      // a reprint arriving now finds the wire story in the unfiltered segment
      idx.upsert(List.of(GroupFixtures.REPRINT_1));
      idx.commit();
      assertThat(idx.groupMembers(GroupFixtures.WIRE.id())).extracting(m -> m.id())
          .containsExactlyInAnyOrder(GroupFixtures.WIRE.id(), GroupFixtures.REPRINT_1.id());
      assertThat(idx.get(GroupFixtures.OTHER_STORY.id())).isPresent();
    }
  }

  private static String format(LeafReaderContext leaf, String field) {
    FieldInfo fi = leaf.reader().getFieldInfos().fieldInfo(field);
    return fi.getAttribute(PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY);
  }
}

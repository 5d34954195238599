package sosik.index.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code sosik.json} beside the Lucene files: which analysis built the index, so that a changed
 * analyzer or dictionary is noticed instead of silently mismatching queries.
 */
record IndexMetadata(int formatVersion, int analyzerVersion, String dictionaryFingerprint, String created) {
  /**
   * 1: the first layout; 2: every article also has {@link Fields#LEAD}; 3: group band keys carry
   * the week ({@link sosik.group.BandKeys}); 4: every article also has the pair fields ({@link
   * Fields#TITLE_PAIRS}, {@link Fields#BODY_PAIRS}, {@link Fields#LEAD_PAIRS}); 5: the headline and
   * body are stored as {@link PackedText} (read either way by {@link StoredDocs}, so nothing gates
   * on it; an older version's binaries would read such an article without its text); 6: every
   * article has its {@link MemberCard} (a member without one is read from its stored fields, so
   * nothing gates on it either). An index keeps the
   * version it was built with until {@code sosik reindex} rewrites every article.
   */
  static final int FORMAT_VERSION = 6;
  /** The first version whose every article has {@link Fields#LEAD}. */
  static final int LEAD_FIELD = 2;
  /** The first version whose group band keys carry the week. */
  static final int TIMED_BANDS = 3;
  /** The first version whose every article has the pair fields. */
  static final int PAIR_FIELDS = 4;
  static final String FILE = "sosik.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static IndexMetadata read(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) {
      return null;
    }
    try {
      return JSON.readValue(f.toFile(), IndexMetadata.class);
    } catch (IOException e) {
      throw new IOException("index metadata " + f + " is unreadable: " + e.getMessage(), e);
    }
  }

  void write(Path dir) throws IOException {
    Path tmp = dir.resolve(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

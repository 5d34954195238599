package sosik.index.lucene;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/** Field names and types of the embedded index. */
final class Fields {
  static final String ID = "id";
  static final String TITLE = "title";
  static final String BODY = "body";
  static final String PRESS = "press";
  static final String PRESS_KEY = "press_key";
  static final String PRESS_DV = "press_dv";
  static final String REPORTER = "reporter";
  static final String REPORTER_KEY = "reporter_key";
  static final String DATELINE = "dateline";
  static final String PUBLISHED = "published";
  static final String PUBLISHED_DV = "published_dv";
  static final String URL = "url";
  static final String SECTION = "section";
  static final String EXTRA = "extra";
  static final String HASH = "hash";
  /** The article's group of related coverage: keyword, stored, and sorted doc values to collapse on. */
  static final String GROUP = "group";
  static final String GROUP_DV = "group_dv";
  /** The signature's band keys (keywords, not stored) and the signature itself (stored bytes). */
  static final String GROUP_BAND = "group_band";
  static final String GROUP_SIGNATURE_DV = "group_sig_dv";

  /**
   * The body's first {@link LuceneQueryBuilder#LEAD} positions, analysed as the body is (the same
   * tokens at the same positions): documents and frequencies only, no norms, not stored. The lead
   * bonus reads it instead of the body's positions (see {@link LeadQuery}).
   */
  static final String LEAD = "lead";

  /** Analysed, stored, with offsets in the postings for highlighting. */
  static final FieldType TEXT;
  static final FieldType LEAD_TYPE;

  static {
    TEXT = new FieldType();
    TEXT.setTokenized(true);
    TEXT.setStored(true);
    TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT.freeze();
    LEAD_TYPE = new FieldType();
    LEAD_TYPE.setTokenized(true);
    LEAD_TYPE.setStored(false);
    LEAD_TYPE.setOmitNorms(true);
    LEAD_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    LEAD_TYPE.freeze();
  }

  private Fields() {}
}

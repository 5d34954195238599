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
  /** The id and headline a group's summary lists, as one doc value (see {@link MemberCard}). */
  static final String MEMBER_CARD_DV = "member_card_dv";

  /**
   * The body's first {@link LuceneQueryBuilder#LEAD} positions, analysed as the body is (the same
   * tokens at the same positions): documents and frequencies only, no norms, not stored. The lead
   * bonus reads it instead of the body's positions (see {@link LeadQuery}).
   */
  static final String LEAD = "lead";

  /**
   * Every two tokens side by side in the headline and in the body, as one term each (see {@link
   * TokenLog#pairs()}): documents and frequencies only, no norms, not stored. A two-token exact
   * phrase is one of these terms; a longer one is checked on positions only where all its pairs
   * are (see {@link PairPhraseQuery}).
   */
  static final String TITLE_PAIRS = "title_pairs";
  static final String BODY_PAIRS = "body_pairs";
  /**
   * The body's pairs within {@link #LEAD}'s positions (the second token at most at the {@link
   * LuceneQueryBuilder#LEAD}th): the lead bonus of a two-token word without positions.
   */
  static final String LEAD_PAIRS = "lead_pairs";

  /** The pair field of {@link #TITLE} or {@link #BODY}; null for any other field. */
  static String pairsOf(String field) {
    return switch (field) {
      case TITLE -> TITLE_PAIRS;
      case BODY -> BODY_PAIRS;
      default -> null;
    };
  }

  /** Analysed, with offsets in the postings for highlighting; the text is stored apart ({@link PackedText}). */
  static final FieldType TEXT;
  static final FieldType LEAD_TYPE;
  /** The pair fields' type: the lead's (documents and frequencies, no norms, not stored). */
  static final FieldType PAIRS_TYPE;

  static {
    TEXT = new FieldType();
    TEXT.setTokenized(true);
    TEXT.setStored(false);
    TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT.freeze();
    LEAD_TYPE = new FieldType();
    LEAD_TYPE.setTokenized(true);
    LEAD_TYPE.setStored(false);
    LEAD_TYPE.setOmitNorms(true);
    LEAD_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    LEAD_TYPE.freeze();
    PAIRS_TYPE = new FieldType(LEAD_TYPE);
    PAIRS_TYPE.freeze();
  }

  private Fields() {}
}

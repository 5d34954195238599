package sosik.group;

import java.time.Instant;
import sosik.article.Article;

/**
 * What grouping knows of one indexed article: enough to compare it with a new one and to say, at
 * query time, which member was first, which is the wire original and which are reprints.
 *
 * @param id          the article's id
 * @param groupId     the group it belongs to (its own id when it is alone)
 * @param title       the headline (null when read as a candidate, where only the text's signature matters)
 * @param press       the press, or null
 * @param publishedAt publication instant, or null
 * @param signature   its text's signature
 */
public record GroupMember(String id, String groupId, String title, String press, Instant publishedAt, Signature signature) {
  public static GroupMember of(Article a, String groupId, Signature s) {
    return new GroupMember(a.id(), groupId, a.title(), a.press(), a.publishedAt(), s);
  }

  /** The keys an index stores the article with: its text's band keys, then its event keys. */
  public java.util.List<String> indexKeys() {
    java.util.List<String> event = EventTerms.ownKeys(signature.event(), publishedAt);
    if (event.isEmpty()) {
      return signature.bandKeys();
    }
    java.util.List<String> all = new java.util.ArrayList<>(signature.bandKeys());
    all.addAll(event);
    return all;
  }

  public GroupMember withGroup(String g) {
    return new GroupMember(id, g, title, press, publishedAt, signature);
  }
}

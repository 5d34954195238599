package sosik.index.lucene;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.DataInput;

/**
 * Reads an article's stored fields as a {@link Document} whose headline and body are strings,
 * whichever way they were stored: {@link PackedText} bytes (index format 5 and later) or the
 * strings earlier versions wrote. Every read of the stored fields goes through here, so that an
 * index holding both (articles added to an older index) reads alike.
 */
final class StoredDocs {
  private StoredDocs() {}

  static Document read(StoredFields stored, int doc) throws IOException {
    Visitor v = new Visitor(null, doc);
    stored.document(doc, v);
    return v.getDocument();
  }

  static Document read(StoredFields stored, int doc, Set<String> fields) throws IOException {
    Visitor v = new Visitor(fields, doc);
    stored.document(doc, v);
    return v.getDocument();
  }

  static boolean packed(String field) {
    return field.equals(Fields.TITLE) || field.equals(Fields.BODY);
  }

  private static final class Visitor extends DocumentStoredFieldVisitor {
    private byte[] buffer = new byte[0];
    private final int doc;

    Visitor(Set<String> fields, int doc) {
      super(fields);
      this.doc = doc;
    }

    @Override
    public void binaryField(FieldInfo info, DataInput value, int length) throws IOException {
      if (!packed(info.name)) {
        super.binaryField(info, value, length);
        return;
      }
      if (buffer.length < length) {
        buffer = new byte[Math.max(length, buffer.length * 2)];
      }
      value.readBytes(buffer, 0, length);
      getDocument().add(new StoredField(info.name, PackedText.decode(buffer, 0, length, "stored " + info.name + " of document " + doc)));
    }
  }
}

package sosik.ingest;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;

/**
 * A source as bytes, with what its transport said about them: a file, or the body of an HTTP
 * response. Readers of formats that declare their own encoding (an XML prolog, an HTML {@code meta
 * charset}) read the bytes themselves; the others read them decoded (see {@link
 * ArticleReader#read(ByteSource, ReadSink)}).
 *
 * @param name     the source's name in rejections: the file path, or the URL as it was given
 * @param bytes    the content; the reader reads it but does not close it
 * @param charset  the encoding the transport declared (the {@code charset} of an HTTP {@code
 *                 Content-Type}), or null when it declared none (a file)
 * @param location where the content was found, to resolve relative links against: the URL after
 *                 redirects; null for a file
 */
public record ByteSource(String name, InputStream bytes, Charset charset, URI location) {
  public static ByteSource ofFile(String name, InputStream bytes) {
    return new ByteSource(name, bytes, null, null);
  }

  /** {@code location} as a string, or null. */
  public String base() {
    URI l = location;
    return l == null ? null : l.toString();
  }
}

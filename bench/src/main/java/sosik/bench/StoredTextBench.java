package sosik.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import sosik.index.lucene.PackedText;

/**
 * {@code CoreBench storedtext}: the first N articles' headlines and bodies written to two indexes of
 * one segment each with Lucene's default (LZ4) stored fields, once as strings (UTF-8) and once as
 * {@link PackedText}; reports the stored fields' bytes per byte of text and the time to read a
 * random article's headline and body back as strings, the two layouts alternating round by round.
 */
final class StoredTextBench {
  private StoredTextBench() {}

  static void main(String[] args) throws Exception {
    Path corpus = null;
    int articles = 100_000;
    int rounds = 4;
    int reads = 100_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(CoreBench.value(args, ++i));
        case "--articles" -> articles = Integer.parseInt(CoreBench.value(args, ++i));
        case "--rounds" -> rounds = Integer.parseInt(CoreBench.value(args, ++i));
        case "--reads" -> reads = Integer.parseInt(CoreBench.value(args, ++i));
        default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
      }
    }
    if (corpus == null || !Files.isRegularFile(corpus)) {
      throw new IllegalArgumentException("storedtext needs --corpus FILE (JSON Lines with title and body); got " + corpus);
    }
    if (articles < 1 || rounds < 1 || reads < 1) {
      throw new IllegalArgumentException("--articles, --rounds and --reads must be at least 1");
    }
    ObjectMapper json = new ObjectMapper();
    List<String[]> texts = new ArrayList<>();
    long textBytes = 0;
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while (texts.size() < articles && (line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode o;
        try {
          o = json.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalArgumentException(corpus + " line " + lineNo + ": not JSON: " + e.getOriginalMessage());
        }
        String title = o.path("title").asText("");
        String body = o.path("body").asText("");
        texts.add(new String[] {title, body});
        textBytes += title.getBytes(StandardCharsets.UTF_8).length + body.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    Path tmp = Files.createTempDirectory("sosik-storedtext");
    try {
      String[] layouts = {"utf8", "packed"};
      for (String layout : layouts) {
        try (FSDirectory d = FSDirectory.open(tmp.resolve(layout));
            IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setUseCompoundFile(false))) {
          for (String[] t : texts) {
            Document doc = new Document();
            for (int f = 0; f < 2; f++) {
              String name = f == 0 ? "title" : "body";
              doc.add(layout.equals("utf8") ? new StoredField(name, t[f]) : new StoredField(name, new BytesRef(PackedText.encode(t[f]))));
            }
            w.addDocument(doc);
          }
          w.forceMerge(1);
        }
        long fdt = 0;
        try (var files = Files.list(tmp.resolve(layout))) {
          for (Path f : files.toList()) {
            if (f.getFileName().toString().endsWith(".fdt")) {
              fdt += Files.size(f);
            }
          }
        }
        if (fdt == 0) {
          throw new IllegalStateException("no stored fields file in " + tmp.resolve(layout) + " (a compound file?)");
        }
        System.out.printf(Locale.ROOT, "%-6s stored fields %,d bytes for %,d text bytes of %,d articles: %.3f per text byte%n",
            layout, fdt, textBytes, texts.size(), fdt / (double) textBytes);
      }
      double[][] micros = new double[2][rounds];
      for (int round = -1; round < rounds; round++) { // round -1 warms up
        for (int l = 0; l < 2; l++) {
          try (FSDirectory d = FSDirectory.open(tmp.resolve(layouts[l]));
              DirectoryReader r = DirectoryReader.open(d)) {
            Random rnd = new Random(20261125L + round);
            long chars = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < reads; i++) {
              StoredFields sf = r.storedFields();
              Document doc = sf.document(rnd.nextInt(r.maxDoc()));
              for (String name : new String[] {"title", "body"}) {
                String v;
                if (l == 0) {
                  v = doc.get(name);
                } else {
                  BytesRef b = doc.getBinaryValue(name);
                  v = PackedText.decode(b.bytes, b.offset, b.length, name);
                }
                chars += v.length();
              }
            }
            if (round >= 0) {
              micros[l][round] = (System.nanoTime() - t0) / 1e3 / reads;
            }
            if (chars == 0) {
              throw new IllegalStateException("read nothing back");
            }
          }
        }
      }
      for (int l = 0; l < 2; l++) {
        double[] m = micros[l].clone();
        java.util.Arrays.sort(m);
        System.out.printf(Locale.ROOT, "%-6s one article's headline and body read back: median %.1f us over %d rounds of %,d random reads %s%n",
            layouts[l], m[m.length / 2], rounds, reads, java.util.Arrays.toString(micros[l]));
      }
    } finally {
      try (var walk = Files.walk(tmp)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}

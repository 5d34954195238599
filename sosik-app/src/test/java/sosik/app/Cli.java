package sosik.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs {@code sosik} commands in-process, as a user would from a shell without a terminal. */
final class Cli {
  static final ObjectMapper JSON = new ObjectMapper();

  private Cli() {}

  /** What a command printed and returned. */
  record Result(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    String firstLine() {
      return out.lines().findFirst().orElse("");
    }

    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("not JSON: " + out, e);
      }
    }

    /** The hits' field {@code name} in order, from {@code --json} output. */
    List<String> hits(String name) {
      List<String> values = new ArrayList<>();
      json().get("hits").forEach(h -> values.add(h.get(name).isNull() ? null : h.get(name).asText()));
      return values;
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  /** Runs {@code sosik args…} with tty=false, so marks print as {@code **word**}. */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
    return new Result(code, out.toString(), err.toString());
  }

  /** {@code sosik search --index DIR args…}. */
  static Result search(Path index, String... args) {
    return run(prepend(args, "search", "--index", index.toString()));
  }

  /** {@code sosik index --index DIR args…}. */
  static Result index(Path index, String... args) {
    return run(prepend(args, "index", "--index", index.toString()));
  }

  static String[] prepend(String[] rest, String... first) {
    String[] all = Arrays.copyOf(first, first.length + rest.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }

  /** A file under src/test/resources/fixtures. */
  static Path fixture(String name) {
    URL url = Cli.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new IllegalStateException("test fixture " + name + " is missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

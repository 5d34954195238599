package sosik.app;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sosik.search.Export;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every article matching a query (no limit on the count) with its metadata and group,",
      "as CSV (a header line; UTF-8) or JSON Lines, to standard output or --out FILE.",
      "Articles are written as they are found, so any number can be exported."
    })
final class ExportCommand extends ConsoleCommand implements Callable<Integer> {
  @Mixin IndexOption index;
  @Mixin MatchOptions match;

  @Option(names = "--press", paramLabel = "NAME", split = ",", description = "Only these press names (repeat or separate with commas).")
  List<String> press = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here instead of standard output.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Export.Format f = Export.Format.parse("--format", format);
    var request = match.request(Instant.now(), press);
    long n;
    try (sosik.index.NewsIndex idx = index.open(false, console::warn)) {
      if (out == null) {
        n = Export.write(idx, request, f, console.out());
        console.out().flush();
      } else {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8))) {
          n = Export.write(idx, request, f, w);
        }
      }
    }
    console.err().printf("sosik: exported %,d articles%s%n", n, out == null ? "" : " to " + out);
    console.err().flush();
    return ExitCodes.OK;
  }
}

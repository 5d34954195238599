package sosik.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sosik.search.SearchOptions;
import sosik.search.SearchRequest;

/**
 * Which articles a command works on: the query and the period filters of {@code sosik search}, no
 * paging ({@code 언론사:NAME} in the query keeps one press).
 */
final class MatchOptions {
  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query, as for 'sosik search' (empty: every article).")
  List<String> words = new ArrayList<>();

  @Option(names = "--in", paramLabel = "WHERE", description = "all (headline and body, the default) or title.")
  String in;

  @Option(names = "--period", paramLabel = "P", description = "Only the last 1h, 1d, 1w, 1m, 6m or 1y.")
  String period;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after, Korea time: 2024-12-20 or 2024-12-20T09:30.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before, Korea time (a bare date includes that whole day).")
  String to;

  String text() {
    return String.join(" ", words);
  }

  /** The request; {@code press} keeps only these presses (empty: all). */
  SearchRequest request(Instant now, List<String> press) {
    return new SearchOptions(text(), null, in, press, period, from, to, null, null).toRequest(now, "--");
  }
}

package sosik.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sosik.index.IndexStats;
import sosik.index.NewsIndex;
import sosik.index.lucene.LuceneNewsIndex;

@Command(name = "optimize", mixinStandardHelpOptions = true,
    description = {
      "Merges the index into fewer segments (one by default), for an archive searched far more than",
      "it is written: every search visits every segment, so fewer answer faster, and the index",
      "takes less disk. Takes minutes on a large index (about two at a million articles); needs",
      "free disk up to twice the index's size while it runs; articles indexed later start new",
      "segments. The embedded index must not be open in another process."
    })
final class OptimizeCommand extends ConsoleCommand implements Callable<Integer> {
  @Mixin IndexOption index;

  @Option(names = "--segments", paramLabel = "N", defaultValue = "1",
      description = "Merge into at most N segments (default: ${DEFAULT-VALUE}).")
  int segments;

  @Override
  public Integer call() throws Exception {
    NewsIndex.checkSegments(segments);
    boolean embedded = index.backend() == IndexOption.Backend.EMBEDDED;
    if (embedded && !LuceneNewsIndex.exists(index.dir())) {
      throw new LuceneNewsIndex.NoIndexException(index.dir());
    }
    long t0 = System.nanoTime();
    IndexStats before;
    IndexStats after;
    // the embedded index merges through its writer; a cluster merges on its side
    try (NewsIndex idx = index.open(embedded, console::warn)) {
      before = idx.stats();
      idx.optimize(segments);
      after = idx.stats();
    }
    var out = console.out();
    out.printf("optimized %s: %,d articles, %d -> %d segments, %s -> %s, in %.1f s%n", after.location(), after.articles(),
        before.segments(), after.segments(), StatsCommand.human(before.sizeBytes()), StatsCommand.human(after.sizeBytes()),
        (System.nanoTime() - t0) / 1e9);
    out.flush();
    return ExitCodes.OK;
  }
}

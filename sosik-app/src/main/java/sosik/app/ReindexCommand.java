package sosik.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sosik.index.lucene.LuceneNewsIndex;

@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = "Re-analyses every indexed article with the current analyzer and dictionary.")
final class ReindexCommand extends ConsoleCommand implements Callable<Integer> {
  @Mixin IndexOption index;

  @Override
  public Integer call() throws Exception {
    if (!LuceneNewsIndex.exists(index.dir())) {
      throw new LuceneNewsIndex.NoIndexException(index.dir());
    }
    long t0 = System.nanoTime();
    try (LuceneNewsIndex idx = LuceneNewsIndex.open(index.dir(), LuceneNewsIndex.Mode.WRITE)) {
      long n = idx.reindex(done -> {
        console.err().printf("re-analysed %,d articles%n", done);
        console.err().flush();
      });
      console.out().printf("reindexed %,d articles in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }
    console.out().flush();
    return ExitCodes.OK;
  }
}

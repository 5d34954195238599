package sosik.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "sosik",
    mixinStandardHelpOptions = true,
    version = "sosik 0.1.0",
    description = "소식 — Korean news search.",
    subcommands = {
      IndexCommand.class,
      FeedsCommand.class,
      SearchCommand.class,
      StatsCommand.class,
      DictCommand.class,
      AliasesCommand.class,
      ReindexCommand.class,
      OptimizeCommand.class,
      DemoCommand.class,
      ServeCommand.class,
      EvalCommand.class,
      OpenSearchCommand.class,
      TrendCommand.class,
      ExportCommand.class,
      GroupsCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 done; 1 failed; 2 bad command line or query; 3 partly done (some input rejected).",
      "Example: sosik index news.jsonl && sosik search \"AI 반도체\" --sort latest"
    })
public final class SosikCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package sosik.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sosik opensearch …}: what an operator of an OpenSearch backend needs from Sosik. */
@Command(name = "opensearch", mixinStandardHelpOptions = true,
    description = "Tools for the OpenSearch backend (see docs/OPERATIONS.md).",
    subcommands = {OpenSearchCommand.InstallPlugin.class})
final class OpenSearchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The plugin's name in OpenSearch (plugin-descriptor.properties). */
  static final String PLUGIN = "sosik-analysis";

  @Command(name = "install-plugin", mixinStandardHelpOptions = true,
      description = {
        "Installs Sosik's analysis plugin into an OpenSearch 2.19.1 installation on this machine (run it on every node,",
        "as the user that owns the installation, then restart the node). It runs HOME/bin/opensearch-plugin install."
      })
  static final class InstallPlugin extends ConsoleCommand implements Callable<Integer> {
    @Option(names = "--home", paramLabel = "DIR", required = true, description = "The OpenSearch installation (holding bin/opensearch-plugin).")
    Path home;

    @Option(names = "--zip", paramLabel = "FILE",
        description = "The plugin zip (default: sosik-opensearch-plugin/target/sosik-opensearch-plugin-*.zip of this Sosik build).")
    Path zip;

    @Option(names = "--print-zip", description = "Only print where the plugin zip is.")
    boolean printZip;

    @Override
    public Integer call() throws Exception {
      Path z = zip != null ? zip : builtZip();
      if (!Files.isRegularFile(z)) {
        throw new IOException("plugin zip " + z + " does not exist");
      }
      if (printZip) {
        console.out().println(z.toAbsolutePath());
        console.out().flush();
        return ExitCodes.OK;
      }
      Path tool = home.resolve("bin").resolve("opensearch-plugin");
      if (!Files.isExecutable(tool)) {
        throw new IllegalArgumentException("--home " + home + " is not an OpenSearch installation: no executable bin/opensearch-plugin");
      }
      if (Files.exists(home.resolve("plugins").resolve(PLUGIN))) {
        throw new IllegalArgumentException("the plugin is already installed in " + home + "; to upgrade, stop the node, run '" + tool
            + " remove " + PLUGIN + "', then install again");
      }
      ProcessBuilder pb = new ProcessBuilder(List.of(tool.toString(), "install", "--batch", z.toAbsolutePath().toUri().toString()))
          .inheritIO();
      int code = pb.start().waitFor();
      if (code != 0) {
        throw new IOException(tool + " install exited with " + code);
      }
      console.out().println("installed " + z.getFileName() + " into " + home + "; restart the node to load it");
      console.out().flush();
      return ExitCodes.OK;
    }

    static Path builtZip() throws IOException {
      String root = System.getProperty("sosik.home", ".");
      Path dir = Path.of(root).resolve("sosik-opensearch-plugin").resolve("target");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          var found = s.filter(p -> p.getFileName().toString().matches("sosik-opensearch-plugin-.*\\.zip")).findFirst();
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
      throw new IOException("no plugin zip under " + dir + "; build it with 'mvn -B -pl sosik-opensearch-plugin -am package' or give --zip");
    }
  }
}

package sosik.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@code sosik} itself answers: usage, version, and mistakes on the command line. */
class ExitCodesTest {
  @Test
  void noArgumentsPrintsUsageAndSucceeds() {
    Cli.Result r = Cli.run();

    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("Usage: sosik").contains("index", "search", "stats", "dict", "Exit codes:");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void helpAndVersionSucceed() {
    assertThat(Cli.run("--help").code()).isEqualTo(ExitCodes.OK);
    assertThat(Cli.run("search", "--help").out()).contains("--sort", "--press", "--period");
    Cli.Result v = Cli.run("--version");
    assertThat(v.code()).isEqualTo(ExitCodes.OK);
    assertThat(v.out()).startsWith("sosik ");
  }

  @Test
  void unknownOptionIsAUsageErrorWithAHint() {
    Cli.Result r = Cli.run("--bogus");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Unknown option: '--bogus'").contains("usage: sosik").contains("sosik --help");
  }

  @Test
  void unknownOptionOfACommandIsAUsageErrorWithThatCommandsHint() {
    for (String[] args : new String[][] {{"search", "--bogus", "반도체"}, {"search", "반도체", "--bogus=1"}, {"stats", "--bogus"}}) {
      Cli.Result r = Cli.run(args);

      assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).as(r.toString()).contains("Unknown option").contains("usage: sosik " + args[0]).contains("sosik " + args[0] + " --help");
    }
  }

  @Test
  void unknownCommandIsAUsageError() {
    Cli.Result r = Cli.run("serach", "반도체");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("serach");
  }

  @Test
  void missingOptionValueIsAUsageError() {
    Cli.Result r = Cli.run("search", "반도체", "--sort");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--sort");
  }

  @Test
  void nonNumericSizeIsAUsageError() {
    Cli.Result r = Cli.run("search", "반도체", "--size", "열");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--size");
  }

  @Test
  void indexWithoutPathsIsAUsageError() {
    Cli.Result r = Cli.run("index");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("PATH");
  }
}

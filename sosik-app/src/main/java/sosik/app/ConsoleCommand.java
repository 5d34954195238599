package sosik.app;

/** A command that prints through the shared {@link Console}, handed over by the command factory. */
abstract class ConsoleCommand implements ConsoleAware {
  protected Console console;

  @Override
  public void console(Console console) {
    this.console = console;
  }
}

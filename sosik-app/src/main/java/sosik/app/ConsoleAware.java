package sosik.app;

/** A command that prints through the shared {@link Console}. */
interface ConsoleAware {
  void console(Console console);
}

package sosik.ingest;

/**
 * Something that was not indexed, and why.
 *
 * @param source  file name (or another source's name)
 * @param line    1-based line, or 0 for the whole source
 * @param problem what is wrong, naming the field when there is one
 */
public record Rejection(String source, int line, String problem) {
  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem;
  }
}

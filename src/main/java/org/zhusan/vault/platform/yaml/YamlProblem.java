package org.zhusan.vault.platform.yaml;

/**
 * One problem in a configuration file; {@code line} is 1-based, 0 for the file as a whole. Reads
 * {@code outcomes.yaml line 12: …}, so an administrator goes straight to the line.
 */
public record YamlProblem(String source, int line, String detail) {
  @Override
  public String toString() {
    return line > 0 ? source + " line " + line + ": " + detail : source + ": " + detail;
  }
}

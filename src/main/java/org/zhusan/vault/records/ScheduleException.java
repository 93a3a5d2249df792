package org.zhusan.vault.records;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The retention file is invalid. Carries every problem found, each naming the file and line, e.g.
 * {@code retention.yaml line 12: 'P10' is not an ISO-8601 period (e.g. P10Y)}. The vault stays not
 * ready on it.
 */
public final class ScheduleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One problem; {@code line} is 1-based, 0 for the file as a whole. */
  public record Problem(String source, int line, String detail) {
    @Override
    public String toString() {
      return line > 0 ? source + " line " + line + ": " + detail : source + ": " + detail;
    }
  }

  private final transient List<Problem> problems;

  ScheduleException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}

package org.zhusan.vault.access.policy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The policy file is invalid. Carries every problem found, each naming the file and line, e.g.
 * {@code access-policy.yaml line 14: unknown document type 'COURTS' (expected one of IDENTITY, …)};
 * the message lists them one per line. The server must refuse to start on it.
 */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * One problem in the file.
   *
   * @param source the file's name (e.g. {@code access-policy.yaml})
   * @param line the 1-based line the problem is on, or 0 when it concerns the file as a whole
   * @param detail what is wrong, without the location
   */
  public record Problem(String source, int line, String detail) {
    public Problem {
      Objects.requireNonNull(source, "source is required.");
      Objects.requireNonNull(detail, "detail is required.");
    }

    @Override
    public String toString() {
      return line > 0 ? source + " line " + line + ": " + detail : source + ": " + detail;
    }
  }

  private final List<Problem> problems;

  PolicyException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a PolicyException needs at least one problem.");
    }
    this.problems = List.copyOf(problems);
  }

  PolicyException(Problem problem, Throwable cause) {
    super(problem.toString(), cause);
    this.problems = List.of(problem);
  }

  /** Every problem found, in file order as far as the checks allow; never empty. */
  public List<Problem> problems() {
    return problems;
  }
}

package org.zhusan.vault.platform.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration file is invalid; carries every problem found, sorted by line. */
public class YamlFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<YamlProblem> problems;

  public YamlFileException(List<YamlProblem> problems) {
    super(problems.stream().map(YamlProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<YamlProblem> problems() {
    return problems;
  }
}

package org.zhusan.vault.records;

import java.util.List;
import org.zhusan.vault.platform.yaml.YamlFileException;
import org.zhusan.vault.platform.yaml.YamlProblem;

/**
 * The retention file is invalid. Carries every problem found, each naming the file and line, e.g.
 * {@code retention.yaml line 12: 'P10' is not an ISO-8601 period (e.g. P10Y)}. The vault stays not
 * ready on it.
 */
public final class ScheduleException extends YamlFileException {
  private static final long serialVersionUID = 1L;

  ScheduleException(List<YamlProblem> problems) {
    super(problems);
  }
}

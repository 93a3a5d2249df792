package org.zhusan.vault.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The tables in docs/access-control.md are the rendering of the default policy. To regenerate them
 * after changing the policy file: {@code mvn -q -o test -Dtest=PolicyTableTest
 * -Dpolicy.docs.update=true}.
 */
class PolicyTableTest {
  private static final Path DOC = PolicyFixtures.REPO.resolve("docs/access-control.md");
  private static final String UPDATE = "policy.docs.update";
  private static final String REGENERATE =
      "mvn -q -o test -Dtest=PolicyTableTest -D" + UPDATE + "=true";

  @Test
  void docsShowTheCurrentMatrix() throws IOException {
    checkBlock("PolicyTable.render", PolicyTable::render);
  }

  @Test
  void docsShowTheCurrentSettings() throws IOException {
    checkBlock("PolicyTable.renderSettings", PolicyTable::renderSettings);
  }

  private static void checkBlock(String name, Function<Policy, String> renderer)
      throws IOException {
    String begin = "<!-- BEGIN " + name + " (generated: " + REGENERATE + ") -->\n";
    String end = "<!-- END " + name + " -->";
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int from = doc.indexOf(begin);
    int to = doc.indexOf(end);
    assertTrue(
        from >= 0 && to > from,
        DOC + " must contain the markers '" + begin.strip() + "' and '" + end + "'");
    String current = doc.substring(from + begin.length(), to);
    String wanted = renderer.apply(PolicyLoader.defaults());
    if (current.equals(wanted)) {
      return;
    }
    if (Boolean.getBoolean(UPDATE)) {
      Files.writeString(
          DOC,
          doc.substring(0, from + begin.length()) + wanted + doc.substring(to),
          StandardCharsets.UTF_8);
      return;
    }
    fail(
        DOC
            + " shows an out-of-date "
            + name
            + "; regenerate it with: "
            + REGENERATE
            + "\nExpected:\n"
            + wanted);
  }

  @Test
  void matrixHasARowPerTypeAndAColumnPerRole() {
    List<String> lines = PolicyTable.render(PolicyLoader.defaults()).lines().toList();
    assertEquals(2 + PolicyDocumentType.values().length, lines.size());
    assertEquals(
        "| Document type | LAWYER | PSYCHOLOGIST | PSYCHIATRIST | DOCTOR | SOCIAL_WORKER | TEACHER"
            + " | THEOLOGIAN | NGO_PARTNER | AUDITOR | ADMIN | ANALYST |",
        lines.get(0));
    for (String line : lines) {
      assertEquals(Role.values().length + 2, line.chars().filter(c -> c == '|').count(), line);
    }
  }

  @Test
  void cellsShowWriteReadOrADash() {
    String table = PolicyTable.render(PolicyFixtures.Small.policy());
    assertTrue(table.contains("| IDENTITY | read | — | — |"), table);
    assertTrue(table.contains("| COURT | write | — |"), table);
    assertTrue(table.contains("| PSYCH_EVALUATION | — | write | write | read |"), table);
  }

  @Test
  void settingsShowDurationsAsWritten() {
    String settings = PolicyTable.renderSettings(PolicyLoader.defaults());
    assertTrue(settings.contains("- Grants: last P7D unless asked, at most P30D\n"), settings);
    assertTrue(settings.contains("- National roles (see every centre): none\n"), settings);
    assertTrue(settings.contains("| ADMIN | none |"), settings);
  }
}

package org.zhusan.vault.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zhusan.vault.access.Role;
import org.zhusan.vault.access.StaffUser;

/**
 * Users, the default policy's text, variants of it, and a small policy file whose line numbers are
 * known.
 */
final class PolicyFixtures {
  static final Path REPO = Path.of(System.getProperty("vault.repo.root", ".")).toAbsolutePath();

  /** The centre the fixture users work at, and one they do not. */
  static final String HOME = "AST-01";

  static final String ELSEWHERE = "SHY-07";

  private PolicyFixtures() {}

  static StaffUser user(Role... roles) {
    return new StaffUser("u-" + Arrays.toString(roles), Set.of(roles), Set.of(HOME));
  }

  static StaffUser user(String id, Set<Role> roles, String... centres) {
    return new StaffUser(id, roles, Set.of(centres));
  }

  /** The built-in policy file's text. */
  static String defaultText() {
    try (InputStream in = PolicyFixtures.class.getResourceAsStream(PolicyLoader.DEFAULT_RESOURCE)) {
      assertNotNull(in, "the built-in policy is on the test classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The default policy text with {@code from} (which must occur exactly once) replaced by {@code
   * to}.
   */
  static String defaultTextWith(String from, String to) {
    String text = defaultText();
    int at = text.indexOf(from);
    assertEquals(
        true, at >= 0 && text.indexOf(from, at + 1) < 0, "'" + from + "' occurs exactly once");
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  /** The default policy with one replacement (see {@link #defaultTextWith}). */
  static Policy defaultWith(String from, String to) {
    return PolicyLoader.parse(defaultTextWith(from, to), "access-policy.yaml");
  }

  /**
   * The 1-based line of the default text on which {@code fragment} first occurs after {@code
   * after}.
   */
  static int lineOf(String text, String after, String fragment) {
    int start = text.indexOf(after);
    int at = text.indexOf(fragment, start);
    assertEquals(true, start >= 0 && at >= 0, fragment + " after " + after);
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  /**
   * A small, valid policy file with one flow mapping per role, so that each line's number is fixed:
   *
   * <pre>
   *  1 version          13 national-roles        23 grants:
   *  2 documents:       14 subjects:             24   default-duration
   *  3 LAWYER           15   read-metadata       25   max-duration
   *  4 PSYCHOLOGIST     16   read-identifying    26 purposes:
   *  5 PSYCHIATRIST     17   write               27   allowed
   *  6 DOCTOR           18 break-glass:          28   by-role:
   *  7 SOCIAL_WORKER    19   roles               29     DOCTOR
   *  8 TEACHER          20   min-justification-length
   *  9 THEOLOGIAN       21   default-duration
   * 10 NGO_PARTNER      22   max-duration
   * 11 AUDITOR
   * 12 ADMIN
   * </pre>
   */
  static final class Small {
    static final int VERSION = 1;
    static final int DOCUMENTS = 2;
    static final int NATIONAL = 13;
    static final int READ_METADATA = 15;
    static final int READ_IDENTIFYING = 16;
    static final int SUBJECT_WRITE = 17;
    static final int BREAK_GLASS = 18;
    static final int BG_ROLES = 19;
    static final int BG_MIN_LENGTH = 20;
    static final int BG_DEFAULT = 21;
    static final int BG_MAX = 22;
    static final int GRANTS = 23;
    static final int GRANT_DEFAULT = 24;
    static final int GRANT_MAX = 25;
    static final int PURPOSES = 26;
    static final int PURPOSES_ALLOWED = 27;
    static final int BY_ROLE_DOCTOR = 29;

    private Small() {}

    /** The line of {@code role}'s row in {@code documents}. */
    static int line(Role role) {
      return 3 + role.ordinal();
    }

    /** The file's lines (index 0 is line 1), to change before {@link #text}. */
    static List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("version: 1");
      lines.add("documents:");
      lines.add(row(Role.LAWYER, "COURT: write", "IDENTITY: read"));
      lines.add(row(Role.PSYCHOLOGIST, "PSYCH_EVALUATION: write"));
      lines.add(row(Role.PSYCHIATRIST, "PSYCH_EVALUATION: write"));
      lines.add(row(Role.DOCTOR, "MEDICAL: write", "PSYCH_EVALUATION: read"));
      lines.add(row(Role.SOCIAL_WORKER, "SOCIAL: write"));
      lines.add(row(Role.TEACHER, "EDUCATION: write"));
      lines.add(row(Role.THEOLOGIAN, "THEOLOGICAL: write"));
      lines.add(row(Role.NGO_PARTNER));
      lines.add(row(Role.AUDITOR));
      lines.add(row(Role.ADMIN));
      lines.add("national-roles: []");
      lines.add("subjects:");
      lines.add("  read-metadata: [LAWYER, DOCTOR, TEACHER]");
      lines.add("  read-identifying: [LAWYER, DOCTOR]");
      lines.add("  write: [LAWYER]");
      lines.add("break-glass:");
      lines.add("  roles: [LAWYER, DOCTOR]");
      lines.add("  min-justification-length: 10");
      lines.add("  default-duration: PT1H");
      lines.add("  max-duration: PT4H");
      lines.add("grants:");
      lines.add("  default-duration: P7D");
      lines.add("  max-duration: P30D");
      lines.add("purposes:");
      lines.add("  allowed: [TREATMENT, LEGAL_PROCEEDING]");
      lines.add("  by-role:");
      lines.add("    DOCTOR: [TREATMENT]");
      return lines;
    }

    /** The valid small file. */
    static String text() {
      return text(lines());
    }

    static String text(List<String> lines) {
      return String.join("\n", lines) + "\n";
    }

    /** The small file with line {@code line} (1-based) replaced by {@code replacement}. */
    static String withLine(int line, String replacement) {
      List<String> lines = lines();
      lines.set(line - 1, replacement);
      return text(lines);
    }

    /** A {@code documents} row for {@code role}: the given cells, every other type {@code none}. */
    static String row(Role role, String... cells) {
      Map<String, String> row = new LinkedHashMap<>();
      for (PolicyDocumentType t : PolicyDocumentType.values()) {
        row.put(t.name(), "none");
      }
      for (String cell : cells) {
        String[] kv = cell.split(": ");
        row.put(kv[0], kv[1]);
      }
      List<String> parts = new ArrayList<>();
      row.forEach((k, v) -> parts.add(k + ": " + v));
      return "  " + role + ": {" + String.join(", ", parts) + "}";
    }

    static Policy policy() {
      return PolicyLoader.parse(text(), "small.yaml");
    }
  }
}

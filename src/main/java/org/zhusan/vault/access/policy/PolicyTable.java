package org.zhusan.vault.access.policy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.zhusan.vault.access.Role;

/**
 * Renders a policy as Markdown for {@code docs/access-control.md}: {@link #render} the role ×
 * document type matrix, {@link #renderSettings} the rest (subject actions, national roles,
 * break-glass, grants, purposes). A unit test fails when the docs differ from the rendering of the
 * default policy. Stateless.
 *
 * <p>Run {@code main} to print both blocks for a file (or the built-in default when no argument is
 * given).
 */
public final class PolicyTable {
  /** Marks an empty cell ({@code none}). */
  static final String NONE_CELL = "—";

  private PolicyTable() {}

  /**
   * The matrix: one row per document type, one column per role; cells {@code write}, {@code read}
   * or —.
   */
  public static String render(Policy policy) {
    StringBuilder out = new StringBuilder();
    out.append("| Document type |");
    for (Role role : Role.values()) {
      out.append(' ').append(role).append(" |");
    }
    out.append('\n').append("|---|");
    out.append("---|".repeat(Role.values().length)).append('\n');
    for (PolicyDocumentType type : PolicyDocumentType.values()) {
      out.append("| ").append(type).append(" |");
      for (Role role : Role.values()) {
        Permission p = policy.permission(role, type);
        out.append(' ').append(p == Permission.NONE ? NONE_CELL : p.yamlName()).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Everything but the matrix, as a table of subject actions and a list of settings. */
  public static String renderSettings(Policy policy) {
    AccessPolicyFile file = policy.file();
    StringBuilder out = new StringBuilder();
    out.append("| Subject action | Roles (in their centres) |\n|---|---|\n");
    for (SubjectOperation op : SubjectOperation.values()) {
      out.append("| ")
          .append(op.yamlName())
          .append(" | ")
          .append(list(file.subjects().get(op)))
          .append(" |\n");
    }
    out.append('\n');
    out.append("- National roles (see every centre): ")
        .append(list(file.nationalRoles()))
        .append('\n');
    out.append("- Break-glass: ")
        .append(list(file.breakGlass().roles()))
        .append("; justification at least ")
        .append(file.breakGlass().minJustificationLength())
        .append(" characters; lasts ")
        .append(Durations.format(file.breakGlass().defaultDuration()))
        .append(" unless asked, at most ")
        .append(Durations.format(file.breakGlass().maxDuration()))
        .append('\n');
    out.append("- Grants: last ")
        .append(Durations.format(file.grants().defaultDuration()))
        .append(" unless asked, at most ")
        .append(Durations.format(file.grants().maxDuration()))
        .append('\n');
    out.append("- Purposes of use: ").append(list(file.purposes())).append('\n');
    out.append('\n');
    out.append("| Role | Purposes it may state |\n|---|---|\n");
    for (Role role : Role.values()) {
      out.append("| ")
          .append(role)
          .append(" | ")
          .append(list(policy.purposesFor(role)))
          .append(" |\n");
    }
    return out.toString();
  }

  private static <E extends Enum<E>> String list(Collection<E> items) {
    return items.isEmpty()
        ? "none"
        : items.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
  }

  /**
   * Prints {@link #render} and {@link #renderSettings} of the file named by the argument, or of the
   * default.
   */
  public static void main(String[] args) {
    if (args.length > 1) {
      throw new IllegalArgumentException(
          "usage: PolicyTable [policy-file]; got " + Arrays.toString(args));
    }
    Policy policy =
        args.length == 0 ? PolicyLoader.defaults() : PolicyLoader.load(Path.of(args[0]));
    System.out.print(render(policy));
    System.out.println();
    System.out.print(renderSettings(policy));
  }
}

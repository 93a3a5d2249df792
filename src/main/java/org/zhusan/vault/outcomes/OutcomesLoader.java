package org.zhusan.vault.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.platform.yaml.YamlFileException;
import org.zhusan.vault.platform.yaml.YamlNodes;

/**
 * Reads and validates {@code outcomes.yaml}. Every problem is collected with its line: an unknown
 * or missing kind, an unknown role, a recorder who may not read, AUDITOR, ADMIN or ANALYST among
 * those who record or read a person's indicators (they never see a person's values), a role
 * recording the rehabilitation assessment other than PSYCHOLOGIST, PSYCHIATRIST or THEOLOGIAN,
 * AUDITOR among report roles (auditors review accesses, not outcomes), an all-centres role that
 * does not see reports.
 */
public final class OutcomesLoader {
  /** Classpath location of the built-in file (a byte-identical copy of config/outcomes.yaml). */
  public static final String DEFAULT_RESOURCE = "/outcomes.yaml";

  private static final int MAX_CHARS = 64 * 1024;
  private static final List<String> SECTIONS = List.of("indicators", "reports");
  private static final Set<Role> NEVER_PERSON_VALUES =
      EnumSet.of(Role.AUDITOR, Role.ADMIN, Role.ANALYST);

  private OutcomesLoader() {}

  public static OutcomesFile load(Path file) {
    String source = file.getFileName().toString();
    try {
      if (Files.size(file) > MAX_CHARS) {
        throw YamlNodes.fileProblem(source, "larger than " + MAX_CHARS + " bytes");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw YamlNodes.fileProblem(
          source, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The built-in default. */
  public static OutcomesFile defaults() {
    try (InputStream in = OutcomesLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw YamlNodes.fileProblem("outcomes.yaml", "the built-in file is not on the classpath");
      }
      return parse(
          new String(in.readNBytes(MAX_CHARS), StandardCharsets.UTF_8), "outcomes.yaml (built-in)");
    } catch (IOException e) {
      throw YamlNodes.fileProblem("outcomes.yaml", "cannot read the built-in file");
    }
  }

  /** Validates the text of an outcomes file; problems name {@code source} and the line. */
  public static OutcomesFile parse(String text, String source) throws YamlFileException {
    YamlNodes y = new YamlNodes(source, MAX_CHARS);
    MappingNode top = y.mapping(y.compose(text), "the outcomes file");
    y.throwIfAny();
    Map<String, NodeTuple> sections = y.keys(top, "the outcomes file", SECTIONS);
    for (String s : SECTIONS) {
      if (!sections.containsKey(s)) {
        y.problem(top, "missing section '" + s + "'");
      }
    }
    Map<IndicatorKind, OutcomesFile.KindRoles> kinds = new EnumMap<>(IndicatorKind.class);
    if (sections.containsKey("indicators")) {
      MappingNode m = y.mapping(sections.get("indicators").getValueNode(), "indicators");
      if (m != null) {
        for (NodeTuple t : y.keys(m, "indicators", null).values()) {
          String name = ((ScalarNode) t.getKeyNode()).getValue();
          var kind = IndicatorKind.parse(name);
          if (kind.isEmpty()) {
            y.problem(
                t.getKeyNode(),
                "indicators: unknown kind '" + name + "' (expected one of " + kindNames() + ")");
            continue;
          }
          OutcomesFile.KindRoles roles = kindRoles(y, kind.get(), t.getValueNode());
          if (roles != null) {
            kinds.put(kind.get(), roles);
          }
        }
        for (IndicatorKind k : IndicatorKind.values()) {
          if (!kinds.containsKey(k) && !mentions(m, k.name())) {
            y.problem(m, "indicators: no roles for " + k + " (every kind needs record and read)");
          }
        }
      }
    }
    Set<Role> reportRoles = EnumSet.noneOf(Role.class);
    Set<Role> allCentres = EnumSet.noneOf(Role.class);
    if (sections.containsKey("reports")) {
      MappingNode m = y.mapping(sections.get("reports").getValueNode(), "reports");
      if (m != null) {
        Map<String, NodeTuple> entries = y.keys(m, "reports", List.of("roles", "all-centres"));
        for (String key : List.of("roles", "all-centres")) {
          if (!entries.containsKey(key)) {
            y.problem(m, "reports: missing '" + key + "'");
          }
        }
        if (entries.containsKey("roles")) {
          for (var item : roleItems(y, entries.get("roles").getValueNode(), "reports.roles")) {
            if (item.role() == Role.AUDITOR) {
              y.problem(item.node(), "reports.roles: AUDITOR reviews accesses, not outcomes");
            } else {
              reportRoles.add(item.role());
            }
          }
        }
        if (entries.containsKey("all-centres")) {
          for (var item :
              roleItems(y, entries.get("all-centres").getValueNode(), "reports.all-centres")) {
            if (!reportRoles.contains(item.role())) {
              y.problem(
                  item.node(), "reports.all-centres: " + item.role() + " is not in reports.roles");
            } else {
              allCentres.add(item.role());
            }
          }
        }
      }
    }
    y.throwIfAny();
    return new OutcomesFile(kinds, reportRoles, allCentres);
  }

  private static OutcomesFile.KindRoles kindRoles(YamlNodes y, IndicatorKind kind, Node node) {
    String where = "indicators." + kind;
    MappingNode m = y.mapping(node, where);
    if (m == null) {
      return null;
    }
    Map<String, NodeTuple> entries = y.keys(m, where, List.of("record", "read"));
    if (!entries.containsKey("record") || !entries.containsKey("read")) {
      y.problem(m, where + ": needs both 'record' and 'read'");
      return null;
    }
    Set<Role> read = EnumSet.noneOf(Role.class);
    for (var item : roleItems(y, entries.get("read").getValueNode(), where + ".read")) {
      if (NEVER_PERSON_VALUES.contains(item.role())) {
        y.problem(item.node(), where + ".read: " + item.role() + " never sees a person's values");
      } else {
        read.add(item.role());
      }
    }
    Set<Role> record = EnumSet.noneOf(Role.class);
    for (var item : roleItems(y, entries.get("record").getValueNode(), where + ".record")) {
      if (NEVER_PERSON_VALUES.contains(item.role())) {
        y.problem(
            item.node(), where + ".record: " + item.role() + " never records a person's values");
      } else if (!kind.onlyRecordedBy().contains(item.role())) {
        y.problem(
            item.node(),
            where
                + ".record: "
                + item.role()
                + " may not record it (only "
                + Role.joined(kind.onlyRecordedBy()).replace("+", ", ")
                + ")");
      } else if (!read.contains(item.role())) {
        y.problem(item.node(), where + ".record: " + item.role() + " records but is not in read");
      } else {
        record.add(item.role());
      }
    }
    return new OutcomesFile.KindRoles(record, read);
  }

  private record RoleItem(Role role, Node node) {}

  private static List<RoleItem> roleItems(YamlNodes y, Node node, String where) {
    List<ScalarNode> items = y.scalars(node, where);
    if (items == null) {
      return List.of();
    }
    Set<Role> seen = EnumSet.noneOf(Role.class);
    return items.stream()
        .flatMap(
            item -> {
              var role = Role.parse(item.getValue());
              if (role.isEmpty()) {
                y.problem(item, where + ": unknown role '" + item.getValue() + "'");
                return java.util.stream.Stream.empty();
              }
              if (!seen.add(role.get())) {
                y.problem(item, where + ": " + role.get() + " is listed twice");
                return java.util.stream.Stream.empty();
              }
              return java.util.stream.Stream.of(new RoleItem(role.get(), item));
            })
        .toList();
  }

  private static boolean mentions(MappingNode m, String key) {
    return m.getValue().stream()
        .anyMatch(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key));
  }

  private static String kindNames() {
    return String.join(
        ", ", java.util.Arrays.stream(IndicatorKind.values()).map(Enum::name).toList());
  }
}

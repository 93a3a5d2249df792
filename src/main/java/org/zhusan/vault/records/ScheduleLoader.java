package org.zhusan.vault.records;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.platform.yaml.YamlFileException;
import org.zhusan.vault.platform.yaml.YamlNodes;

/**
 * Reads and validates the retention file the way the access policy is read: SnakeYAML composes the
 * node tree only (no object construction), and every check is by hand so each problem names its
 * line: unknown or duplicate keys, a document type without a rule, unknown types, events, actions
 * and roles, a period that is not ISO-8601 or is negative, an empty role list, and AUDITOR in any
 * list (auditors review the vault; they never take part in what they review). All problems are
 * reported together.
 */
public final class ScheduleLoader {
  /**
   * Classpath location of the built-in schedule (a byte-identical copy of config/retention.yaml).
   */
  public static final String DEFAULT_RESOURCE = "/retention.yaml";

  static final int MAX_BYTES = 64 * 1024;

  private static final List<String> SECTIONS = List.of("version", "roles", "schedule");
  private static final List<String> ROLE_KEYS =
      List.of("place-holds", "propose-disposition", "approve-disposition");
  private static final List<String> RULE_KEYS = List.of("starts", "keep", "then");

  private ScheduleLoader() {}

  public static RetentionSchedule load(Path file) {
    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw fileProblem(
            source, "larger than " + MAX_BYTES + " bytes; this is not a retention file");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw fileProblem(source, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The built-in default schedule. */
  public static RetentionSchedule defaults() {
    try (InputStream in = ScheduleLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw fileProblem("retention.yaml", "the built-in schedule is not on the classpath");
      }
      return parse(
          new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8),
          "retention.yaml (built-in)");
    } catch (IOException e) {
      throw fileProblem("retention.yaml", "cannot read the built-in schedule");
    }
  }

  /** Validates schedule text; errors name {@code source}. */
  public static RetentionSchedule parse(String yaml, String source) {
    try {
      return new Reader(source).read(yaml);
    } catch (ScheduleException e) {
      throw e;
    } catch (YamlFileException e) { // not YAML, or empty
      throw new ScheduleException(e.problems());
    }
  }

  private static ScheduleException fileProblem(String source, String detail) {
    return new ScheduleException(YamlNodes.fileProblem(source, detail).problems());
  }

  private static final class Reader {
    private final YamlNodes y;

    Reader(String source) {
      this.y = new YamlNodes(source, MAX_BYTES);
    }

    RetentionSchedule read(String text) {
      MappingNode top = y.mapping(y.compose(text), "the retention file");
      if (top == null) {
        y.throwIfAny();
      }
      Map<String, NodeTuple> sections = y.keys(top, "the retention file", SECTIONS);
      for (String required : SECTIONS) {
        if (!sections.containsKey(required)) {
          y.problem(top, "missing section '" + required + "'");
        }
      }
      if (sections.containsKey("version")) {
        Node v = sections.get("version").getValueNode();
        String version = y.scalar(v, "version");
        if (version != null && !version.equals("1")) {
          y.problem(v, "unsupported version '" + version + "' (this vault reads version 1)");
        }
      }
      Map<String, Set<Role>> roles = new LinkedHashMap<>();
      if (sections.containsKey("roles")) {
        MappingNode r = y.mapping(sections.get("roles").getValueNode(), "roles");
        if (r != null) {
          Map<String, NodeTuple> entries = y.keys(r, "roles", ROLE_KEYS);
          for (String key : ROLE_KEYS) {
            if (!entries.containsKey(key)) {
              y.problem(r, "roles: missing '" + key + "'");
            } else {
              roles.put(key, roleList(entries.get(key).getValueNode(), "roles." + key));
            }
          }
        }
      }
      Map<DocumentType, RetentionRule> rules = new EnumMap<>(DocumentType.class);
      if (sections.containsKey("schedule")) {
        MappingNode s = y.mapping(sections.get("schedule").getValueNode(), "schedule");
        if (s != null) {
          for (NodeTuple t : y.keys(s, "schedule", null).values()) {
            String name = ((ScalarNode) t.getKeyNode()).getValue();
            DocumentType type =
                enumValue(DocumentType.class, name, t.getKeyNode(), "document type");
            if (type != null) {
              RetentionRule rule = rule(type, t.getValueNode());
              if (rule != null) {
                rules.put(type, rule);
              }
            }
          }
          for (DocumentType type : DocumentType.values()) {
            if (!rules.containsKey(type) && !mentioned(s, type)) {
              y.problem(
                  s, "schedule: no rule for document type " + type + " (every type needs one)");
            }
          }
        }
      }
      try {
        y.throwIfAny();
      } catch (YamlFileException e) {
        throw new ScheduleException(e.problems());
      }
      return new RetentionSchedule(
          rules,
          roles.get("place-holds"),
          roles.get("propose-disposition"),
          roles.get("approve-disposition"));
    }

    private static boolean mentioned(MappingNode m, DocumentType type) {
      return m.getValue().stream()
          .anyMatch(
              t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(type.name()));
    }

    private RetentionRule rule(DocumentType type, Node node) {
      String where = "schedule." + type;
      MappingNode m = y.mapping(node, where);
      if (m == null) {
        return null;
      }
      Map<String, NodeTuple> entries = y.keys(m, where, RULE_KEYS);
      for (String key : RULE_KEYS) {
        if (!entries.containsKey(key)) {
          y.problem(m, where + ": missing '" + key + "'");
        }
      }
      RetentionEvent event = null;
      Period period = null;
      DispositionAction action = null;
      if (entries.containsKey("starts")) {
        Node n = entries.get("starts").getValueNode();
        String v = y.scalar(n, where + ".starts");
        event = v == null ? null : enumValue(RetentionEvent.class, v, n, "event");
      }
      if (entries.containsKey("keep")) {
        Node n = entries.get("keep").getValueNode();
        String v = y.scalar(n, where + ".keep");
        if (v != null) {
          try {
            period = Period.parse(v);
            if (period.isNegative()) {
              y.problem(n, where + ".keep: '" + v + "' is negative");
              period = null;
            }
          } catch (DateTimeParseException e) {
            y.problem(n, where + ".keep: '" + v + "' is not an ISO-8601 period (e.g. P10Y or P6M)");
          }
        }
      }
      if (entries.containsKey("then")) {
        Node n = entries.get("then").getValueNode();
        String v = y.scalar(n, where + ".then");
        action = v == null ? null : enumValue(DispositionAction.class, v, n, "action");
      }
      return event == null || period == null || action == null
          ? null
          : new RetentionRule(type, event, period, action);
    }

    private Set<Role> roleList(Node node, String where) {
      if (!(node instanceof SequenceNode seq)) {
        y.problem(node, where + ": expected a list of roles, e.g. [LAWYER]");
        return Set.of();
      }
      Set<Role> out = EnumSet.noneOf(Role.class);
      for (Node item : seq.getValue()) {
        String name = y.scalar(item, where);
        if (name == null) {
          continue;
        }
        Role role = enumValue(Role.class, name, item, "role");
        if (role == null) {
          continue;
        }
        if (role == Role.AUDITOR) {
          y.problem(
              item, where + ": AUDITOR reviews the vault and may take no part in disposition");
        } else if (role == Role.ANALYST) {
          y.problem(
              item, where + ": ANALYST sees programme figures only and takes no part in records");
        } else if (!out.add(role)) {
          y.problem(item, where + ": role " + role + " is listed twice");
        }
      }
      if (seq.getValue().isEmpty()) {
        y.problem(node, where + ": at least one role is needed");
      }
      return out;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String name, Node at, String what) {
      try {
        return Enum.valueOf(type, name);
      } catch (IllegalArgumentException e) {
        y.problem(
            at,
            "unknown "
                + what
                + " '"
                + name
                + "' (expected one of "
                + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name)
                    .collect(Collectors.joining(", "))
                + ")");
        return null;
      }
    }
  }
}

package org.zhusan.vault.access.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and validates a policy file. Uses SnakeYAML only to compose the node tree (no object
 * construction, so no tags can instantiate anything) and checks it by hand, so that every problem
 * names its line: unknown keys, roles, document types, permissions and purposes; duplicate keys and
 * list entries; missing sections; malformed, non-positive or inconsistent durations; a
 * justification length below 1; a role in both {@code read-name} and {@code read-identifying}; and
 * any entry that would give AUDITOR or ADMIN content, identifying fields (the name included) or
 * break-glass. All problems found are reported together in one {@link PolicyException}.
 *
 * <p>Thread-safe; {@link #defaults()} is loaded once and cached.
 */
public final class PolicyLoader {
  /**
   * Classpath location of the built-in policy (a byte-identical copy of {@code
   * config/access-policy.yaml}).
   */
  public static final String DEFAULT_RESOURCE = "/access-policy.yaml";

  /** The largest file accepted; the real one is a few kilobytes. */
  static final int MAX_BYTES = 256 * 1024;

  private static final String DURATION_HINT = "an ISO-8601 duration such as PT1H or P7D";

  private PolicyLoader() {}

  /**
   * Loads and validates the policy file at {@code file}; errors are named after the file's name.
   */
  public static Policy load(Path file) {
    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw fileProblem(source, "larger than " + MAX_BYTES + " bytes; this is not a policy file");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PolicyException(
          new PolicyException.Problem(source, 0, "cannot read " + file + " (" + e + ")"), e);
    }
    return parse(decode(bytes, source), source);
  }

  /**
   * Loads and validates a policy from {@code in} (read to the end, not closed); errors name {@code
   * source}.
   */
  public static Policy load(InputStream in, String source) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new PolicyException(
          new PolicyException.Problem(source, 0, "cannot read (" + e + ")"), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw fileProblem(source, "larger than " + MAX_BYTES + " bytes; this is not a policy file");
    }
    return parse(decode(bytes, source), source);
  }

  /** Validates policy text; errors name {@code source} (e.g. {@code access-policy.yaml}). */
  public static Policy parse(String yaml, String source) {
    return new Policy(new Reader(source).read(yaml));
  }

  /** The default policy, once loaded. */
  private static volatile Policy defaults;

  /**
   * The built-in default policy ({@value #DEFAULT_RESOURCE} on the classpath), loaded on first use
   * and then shared. Should it be invalid, every call throws the {@link PolicyException} (not a
   * class-loading error).
   */
  public static Policy defaults() {
    Policy policy = defaults;
    if (policy == null) {
      synchronized (PolicyLoader.class) {
        policy = defaults;
        if (policy == null) {
          policy = loadDefaults();
          defaults = policy;
        }
      }
    }
    return policy;
  }

  private static Policy loadDefaults() {
    try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw fileProblem(
            "access-policy.yaml",
            "the built-in policy " + DEFAULT_RESOURCE + " is not on the classpath");
      }
      return load(in, "access-policy.yaml (built-in)");
    } catch (IOException e) {
      throw new PolicyException(
          new PolicyException.Problem("access-policy.yaml", 0, "cannot read (" + e + ")"), e);
    }
  }

  private static String decode(byte[] bytes, String source) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw fileProblem(source, "not valid UTF-8");
    }
  }

  private static PolicyException fileProblem(String source, String detail) {
    return new PolicyException(List.of(new PolicyException.Problem(source, 0, detail)));
  }

  /** One pass over one file: collects problems, then builds the file if there are none. */
  private static final class Reader {
    private final String source;
    private final List<PolicyException.Problem> problems = new ArrayList<>();

    /**
     * Mappings in which an unknown key was reported: a missing key there is most likely the
     * misspelt one, so it is not reported a second time.
     */
    private final Set<MappingNode> withUnknownKeys =
        Collections.newSetFromMap(new IdentityHashMap<>());

    Reader(String source) {
      this.source = source;
    }

    AccessPolicyFile read(String text) {
      Node root = compose(text);
      MappingNode top = mapping(root, "the policy file");
      if (top == null) {
        throw new PolicyException(problems);
      }
      Map<String, NodeTuple> sections =
          keys(
              top,
              "the policy file",
              List.of(
                  "version",
                  "documents",
                  "national-roles",
                  "subjects",
                  "break-glass",
                  "grants",
                  "purposes"));
      for (String required :
          List.of(
              "version",
              "documents",
              "national-roles",
              "subjects",
              "break-glass",
              "grants",
              "purposes")) {
        if (!sections.containsKey(required) && !withUnknownKeys.contains(top)) {
          problem(top, "missing section '" + required + "'");
        }
      }

      Optional.ofNullable(sections.get("version"))
          .ifPresent(
              t -> {
                String v = scalar(t.getValueNode(), "version");
                if (v != null && !v.equals("1")) {
                  problem(
                      t.getValueNode(),
                      "unsupported version '" + v + "' (this vault reads version 1)");
                }
              });
      Map<Role, Map<PolicyDocumentType, Permission>> documents =
          value(sections, "documents", this::documents);
      Set<Role> national =
          value(sections, "national-roles", n -> roleList(n, "national-roles", false));
      Map<SubjectOperation, Set<Role>> subjects = value(sections, "subjects", this::subjects);
      BreakGlassSettings breakGlass = value(sections, "break-glass", this::breakGlass);
      GrantSettings grants = value(sections, "grants", this::grants);
      Purposes purposes = value(sections, "purposes", this::purposes);

      if (!problems.isEmpty()) {
        problems.sort(java.util.Comparator.comparingInt(PolicyException.Problem::line));
        throw new PolicyException(problems);
      }
      try {
        return new AccessPolicyFile(
            documents, national, subjects, breakGlass, grants, purposes.inUse(), purposes.byRole());
      } catch (IllegalArgumentException e) {
        // The checks above mirror the constructor's; this only guards against the two drifting
        // apart.
        problem(top, e.getMessage());
        throw new PolicyException(problems);
      }
    }

    private Node compose(String text) {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      options.setAllowRecursiveKeys(false);
      options.setCodePointLimit(MAX_BYTES);
      try {
        Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        if (root == null) {
          throw fileProblem(source, "the file is empty");
        }
        return root;
      } catch (MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String detail =
            "not valid YAML: " + what + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
        throw new PolicyException(
            new PolicyException.Problem(source, mark == null ? 0 : mark.getLine() + 1, detail), e);
      } catch (YAMLException e) {
        throw new PolicyException(
            new PolicyException.Problem(source, 0, "not valid YAML: " + e.getMessage()), e);
      }
    }

    // ---- sections
    // ------------------------------------------------------------------------------------

    private Map<Role, Map<PolicyDocumentType, Permission>> documents(Node node) {
      MappingNode m = mapping(node, "documents");
      if (m == null) {
        return null;
      }
      Map<Role, Map<PolicyDocumentType, Permission>> matrix = new EnumMap<>(Role.class);
      for (NodeTuple t : keys(m, "documents", null).values()) {
        Node key = t.getKeyNode();
        Role role = role(key);
        if (role == null) {
          withUnknownKeys.add(m);
          continue;
        }
        MappingNode row = mapping(t.getValueNode(), "documents." + role);
        if (row == null) {
          continue;
        }
        Map<PolicyDocumentType, Permission> cells = new EnumMap<>(PolicyDocumentType.class);
        for (NodeTuple cell : keys(row, "documents." + role, null).values()) {
          String typeName = ((ScalarNode) cell.getKeyNode()).getValue();
          Optional<PolicyDocumentType> type = PolicyDocumentType.parse(typeName);
          if (type.isEmpty()) {
            withUnknownKeys.add(row);
            problem(
                cell.getKeyNode(),
                "unknown document type '"
                    + typeName
                    + "' (expected one of "
                    + String.join(", ", PolicyDocumentType.names())
                    + ")");
            continue;
          }
          String word = scalar(cell.getValueNode(), role + " → " + type.get());
          if (word == null) {
            continue;
          }
          Optional<Permission> permission = Permission.parse(word);
          if (permission.isEmpty()) {
            problem(
                cell.getValueNode(),
                "unknown permission '"
                    + word
                    + "' for "
                    + role
                    + " → "
                    + type.get()
                    + " (expected one of "
                    + String.join(", ", Permission.words())
                    + ")");
            continue;
          }
          if (permission.get() != Permission.NONE
              && (Policy.METADATA_ONLY_ROLES.contains(role)
                  || Policy.REPORTS_ONLY_ROLES.contains(role))) {
            problem(
                cell.getValueNode(),
                "separation of duties: "
                    + role
                    + " may never read or write document "
                    + "content, so "
                    + role
                    + " → "
                    + type.get()
                    + " must be 'none' (found '"
                    + word
                    + "')");
            continue;
          }
          cells.put(type.get(), permission.get());
        }
        List<String> missing = new ArrayList<>();
        for (PolicyDocumentType type : PolicyDocumentType.values()) {
          if (!cells.containsKey(type) && !mentions(row, type.name())) {
            missing.add(type.name());
          }
        }
        if (!missing.isEmpty() && !withUnknownKeys.contains(row)) {
          problem(
              key,
              "role "
                  + role
                  + " is missing document type(s) "
                  + String.join(", ", missing)
                  + " (list every type as write, read or none)");
        }
        matrix.put(role, cells);
      }
      List<String> missingRoles = new ArrayList<>();
      for (Role role : Role.values()) {
        // A reports-only role may be left out: it is "none" everywhere whatever the file says.
        if (!matrix.containsKey(role)
            && !mentions(m, role.name())
            && !Policy.REPORTS_ONLY_ROLES.contains(role)) {
          missingRoles.add(role.name());
        }
      }
      if (!missingRoles.isEmpty() && !withUnknownKeys.contains(m)) {
        problem(
            node,
            "documents: missing role(s) "
                + String.join(", ", missingRoles)
                + " (list every role, with none for every type it may not open)");
      }
      return matrix;
    }

    private Map<SubjectOperation, Set<Role>> subjects(Node node) {
      MappingNode m = mapping(node, "subjects");
      if (m == null) {
        return null;
      }
      Map<String, NodeTuple> entries = keys(m, "subjects", SubjectOperation.keys());
      Map<SubjectOperation, Set<Role>> result = new EnumMap<>(SubjectOperation.class);
      Map<SubjectOperation, Map<Role, Node>> where = new EnumMap<>(SubjectOperation.class);
      for (SubjectOperation op : SubjectOperation.values()) {
        NodeTuple t = entries.get(op.yamlName());
        if (t == null) {
          if (!op.required()) {
            where.put(op, Map.of());
            result.put(op, EnumSet.noneOf(Role.class));
          } else if (!withUnknownKeys.contains(m)) {
            problem(m, "subjects: missing key '" + op.yamlName() + "'");
          }
          continue;
        }
        Map<Role, Node> roles =
            roleNodes(t.getValueNode(), "subjects." + op.yamlName(), !op.openToMetadataOnlyRoles());
        if (roles != null) {
          where.put(op, roles);
          result.put(
              op, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.keySet()));
        }
      }
      subset(where, SubjectOperation.READ_NAME, SubjectOperation.READ_METADATA);
      subset(where, SubjectOperation.READ_IDENTIFYING, SubjectOperation.READ_METADATA);
      subset(where, SubjectOperation.WRITE, SubjectOperation.READ_IDENTIFYING);
      disjoint(where, SubjectOperation.READ_NAME, SubjectOperation.READ_IDENTIFYING);
      return result;
    }

    /**
     * A role with the name only must not also hold every identifying field: say which one is meant.
     */
    private void disjoint(
        Map<SubjectOperation, Map<Role, Node>> where, SubjectOperation a, SubjectOperation b) {
      if (!where.containsKey(a) || !where.containsKey(b)) {
        return;
      }
      where
          .get(a)
          .forEach(
              (role, node) -> {
                if (where.get(b).containsKey(role)) {
                  problem(
                      node,
                      "subjects: "
                          + role
                          + " is in both "
                          + a.yamlName()
                          + " and "
                          + b.yamlName()
                          + " ("
                          + b.yamlName()
                          + " already includes the full name; list the role in one of them)");
                }
              });
    }

    private void subset(
        Map<SubjectOperation, Map<Role, Node>> where, SubjectOperation sub, SubjectOperation sup) {
      if (!where.containsKey(sub) || !where.containsKey(sup)) {
        return;
      }
      where
          .get(sub)
          .forEach(
              (role, node) -> {
                if (!where.get(sup).containsKey(role)) {
                  problem(
                      node,
                      "subjects: "
                          + role
                          + " is in "
                          + sub.yamlName()
                          + " but not in "
                          + sup.yamlName()
                          + " (add it there too)");
                }
              });
    }

    private BreakGlassSettings breakGlass(Node node) {
      MappingNode m = mapping(node, "break-glass");
      if (m == null) {
        return null;
      }
      Map<String, NodeTuple> entries =
          keys(
              m,
              "break-glass",
              List.of("roles", "min-justification-length", "default-duration", "max-duration"));
      Set<Role> roles =
          required(m, entries, "break-glass", "roles", n -> roleList(n, "break-glass.roles", true));
      Integer minLength =
          required(
              m, entries, "break-glass", "min-justification-length", this::justificationLength);
      Duration[] limits = durationLimits(m, entries, "break-glass");
      if (roles == null || minLength == null || limits == null) {
        return null;
      }
      return new BreakGlassSettings(roles, minLength, limits[0], limits[1]);
    }

    private GrantSettings grants(Node node) {
      MappingNode m = mapping(node, "grants");
      if (m == null) {
        return null;
      }
      Map<String, NodeTuple> entries =
          keys(m, "grants", List.of("default-duration", "max-duration"));
      Duration[] limits = durationLimits(m, entries, "grants");
      return limits == null ? null : new GrantSettings(limits[0], limits[1]);
    }

    /** The purposes section, checked. */
    private record Purposes(Set<Purpose> inUse, Map<Role, Set<Purpose>> byRole) {}

    private Purposes purposes(Node node) {
      MappingNode m = mapping(node, "purposes");
      if (m == null) {
        return null;
      }
      Map<String, NodeTuple> entries = keys(m, "purposes", List.of("allowed", "by-role"));
      Set<Purpose> inUse =
          required(
              m,
              entries,
              "purposes",
              "allowed",
              n -> {
                Set<Purpose> set = purposeList(n, "purposes.allowed", null);
                if (set != null && set.isEmpty()) {
                  problem(
                      n,
                      "purposes.allowed: list at least one purpose (every content read must state"
                          + " one)");
                  return null;
                }
                return set;
              });
      Map<Role, Set<Purpose>> byRole = new EnumMap<>(Role.class);
      NodeTuple byRoleTuple = entries.get("by-role");
      if (byRoleTuple != null) {
        MappingNode br = mapping(byRoleTuple.getValueNode(), "purposes.by-role");
        if (br != null) {
          for (NodeTuple t : keys(br, "purposes.by-role", null).values()) {
            Role role = role(t.getKeyNode());
            if (role == null) {
              continue;
            }
            Set<Purpose> set = purposeList(t.getValueNode(), "purposes.by-role." + role, inUse);
            if (set != null) {
              byRole.put(role, set);
            }
          }
        }
      }
      return inUse == null ? null : new Purposes(inUse, byRole);
    }

    // ---- values
    // --------------------------------------------------------------------------------------

    private Role role(Node key) {
      String name = ((ScalarNode) key).getValue();
      Optional<Role> role = Role.parse(name);
      if (role.isEmpty()) {
        problem(key, "unknown role '" + name + "' (expected one of " + roleNames() + ")");
        return null;
      }
      return role.get();
    }

    private Set<Role> roleList(Node node, String what, boolean contentLike) {
      Map<Role, Node> roles = roleNodes(node, what, contentLike);
      return roles == null
          ? null
          : roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.keySet());
    }

    /**
     * A list of distinct roles; {@code contentLike}: AUDITOR and ADMIN may not appear (separation
     * of duties).
     */
    private Map<Role, Node> roleNodes(Node node, String what, boolean contentLike) {
      List<ScalarNode> items = sequence(node, what);
      if (items == null) {
        return null;
      }
      Map<Role, Node> roles = new EnumMap<>(Role.class);
      for (ScalarNode item : items) {
        Optional<Role> role = Role.parse(item.getValue());
        if (role.isEmpty()) {
          problem(
              item,
              what
                  + ": unknown role '"
                  + item.getValue()
                  + "' (expected one of "
                  + roleNames()
                  + ")");
        } else if (roles.containsKey(role.get())) {
          problem(item, what + ": " + role.get() + " is listed twice");
        } else if (Policy.REPORTS_ONLY_ROLES.contains(role.get())) {
          problem(
              item,
              "separation of duties: "
                  + role.get()
                  + " may never be in "
                  + what
                  + " (it sees programme figures only, never a person)");
        } else if (contentLike && Policy.METADATA_ONLY_ROLES.contains(role.get())) {
          problem(
              item,
              "separation of duties: "
                  + role.get()
                  + " may never be in "
                  + what
                  + " (AUDITOR and ADMIN never see content or identifying fields)");
        } else {
          roles.put(role.get(), item);
        }
      }
      return roles;
    }

    /** A list of distinct purposes, each among {@code inUse} when that is known. */
    private Set<Purpose> purposeList(Node node, String what, Set<Purpose> inUse) {
      List<ScalarNode> items = sequence(node, what);
      if (items == null) {
        return null;
      }
      Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
      for (ScalarNode item : items) {
        Optional<Purpose> p = Purpose.parse(item.getValue());
        if (p.isEmpty()) {
          problem(
              item,
              what
                  + ": unknown purpose '"
                  + item.getValue()
                  + "' (expected one of "
                  + String.join(", ", Purpose.names())
                  + ")");
        } else if (!purposes.add(p.get())) {
          problem(item, what + ": " + p.get() + " is listed twice");
        } else if (inUse != null && !inUse.contains(p.get())) {
          problem(item, what + ": " + p.get() + " is not in purposes.allowed");
        }
      }
      return purposes;
    }

    private Integer justificationLength(Node node) {
      String v = scalar(node, "break-glass.min-justification-length");
      if (v == null) {
        return null;
      }
      if (!v.matches("-?[0-9]{1,9}")) {
        problem(node, "break-glass.min-justification-length: '" + v + "' is not a whole number");
        return null;
      }
      int n = Integer.parseInt(v);
      if (n < 1) {
        problem(node, "break-glass.min-justification-length must be at least 1 (found " + n + ")");
        return null;
      }
      return n;
    }

    /**
     * {@code default-duration} and {@code max-duration} of {@code section}: both positive, default
     * ≤ max.
     */
    private Duration[] durationLimits(
        MappingNode m, Map<String, NodeTuple> entries, String section) {
      Duration def =
          required(
              m,
              entries,
              section,
              "default-duration",
              n -> duration(n, section + ".default-duration"));
      Duration max =
          required(
              m, entries, section, "max-duration", n -> duration(n, section + ".max-duration"));
      if (def == null || max == null) {
        return null;
      }
      if (def.compareTo(max) > 0) {
        problem(
            entries.get("default-duration").getValueNode(),
            section
                + ".default-duration "
                + Durations.format(def)
                + " is longer than max-duration "
                + Durations.format(max));
        return null;
      }
      return new Duration[] {def, max};
    }

    private Duration duration(Node node, String what) {
      String v = scalar(node, what);
      if (v == null) {
        return null;
      }
      Duration d;
      try {
        d = Duration.parse(v);
      } catch (DateTimeParseException e) {
        problem(
            node,
            what + ": '" + v + "' is not " + DURATION_HINT + " (days at most; no months or years)");
        return null;
      }
      if (d.isNegative() || d.isZero()) {
        problem(node, what + " must be positive (found " + v + ")");
        return null;
      }
      return d;
    }

    // ---- node helpers
    // --------------------------------------------------------------------------------

    private <T> T value(Map<String, NodeTuple> sections, String key, Function<Node, T> reader) {
      NodeTuple t = sections.get(key);
      return t == null ? null : reader.apply(t.getValueNode());
    }

    private <T> T required(
        MappingNode m,
        Map<String, NodeTuple> entries,
        String section,
        String key,
        Function<Node, T> reader) {
      NodeTuple t = entries.get(key);
      if (t == null) {
        if (!withUnknownKeys.contains(m)) {
          problem(m, section + ": missing key '" + key + "'");
        }
        return null;
      }
      return reader.apply(t.getValueNode());
    }

    private MappingNode mapping(Node node, String what) {
      if (node instanceof MappingNode m) {
        return m;
      }
      problem(node, what + " must be a mapping of 'key: value' lines" + found(node));
      return null;
    }

    /**
     * The entries of {@code m} by key, in file order. Reports non-scalar and duplicate keys, and
     * (when {@code allowed} is given) unknown keys, which are then left out.
     */
    private Map<String, NodeTuple> keys(MappingNode m, String what, List<String> allowed) {
      Map<String, NodeTuple> result = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode key)) {
          problem(t.getKeyNode(), what + ": keys must be plain words");
          continue;
        }
        NodeTuple first = result.get(key.getValue());
        if (first != null) {
          problem(
              key,
              what
                  + ": duplicate key '"
                  + key.getValue()
                  + "' (first on line "
                  + line(first.getKeyNode())
                  + ")");
          continue;
        }
        if (allowed != null && !allowed.contains(key.getValue())) {
          withUnknownKeys.add(m);
          problem(
              key,
              what
                  + ": unknown key '"
                  + key.getValue()
                  + "' (expected one of "
                  + String.join(", ", allowed)
                  + ")");
          continue;
        }
        result.put(key.getValue(), t);
      }
      return result;
    }

    /** Whether {@code m} has the key {@code name} (possibly reported as faulty already). */
    private static boolean mentions(MappingNode m, String name) {
      return m.getValue().stream()
          .anyMatch(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(name));
    }

    private String scalar(Node node, String what) {
      if (!(node instanceof ScalarNode s)) {
        problem(node, what + " must be a single value" + found(node));
        return null;
      }
      if (s.getTag().equals(Tag.NULL) || s.getValue().isBlank()) {
        problem(node, what + " has no value");
        return null;
      }
      return s.getValue().strip();
    }

    private List<ScalarNode> sequence(Node node, String what) {
      if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
        problem(node, what + " has no value (write [] for an empty list)");
        return null;
      }
      if (!(node instanceof SequenceNode seq)) {
        problem(node, what + " must be a list such as [LAWYER, DOCTOR]" + found(node));
        return null;
      }
      List<ScalarNode> items = new ArrayList<>();
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
          items.add(s);
        } else {
          problem(item, what + ": list entries must be single names");
        }
      }
      return items;
    }

    private static String found(Node node) {
      if (node instanceof ScalarNode s) {
        return s.getTag().equals(Tag.NULL) ? " (found nothing)" : " (found '" + s.getValue() + "')";
      }
      return node instanceof SequenceNode ? " (found a list)" : " (found a mapping)";
    }

    private static int line(Node node) {
      return node.getStartMark().getLine() + 1;
    }

    private void problem(Node node, String detail) {
      problems.add(new PolicyException.Problem(source, line(node), detail));
    }

    private static String roleNames() {
      return java.util.Arrays.stream(Role.values())
          .map(Role::name)
          .collect(Collectors.joining(", "));
    }
  }
}

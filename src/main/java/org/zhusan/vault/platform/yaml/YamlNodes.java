package org.zhusan.vault.platform.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Reading a small configuration file as YAML nodes (not objects), so that every problem names its
 * line, and collecting all problems before failing: an administrator fixes a file in one pass.
 * SnakeYAML's safe constructor with aliases and size limited (a configuration file is small; a
 * billion-laughs file is refused). One instance reads one file.
 */
public final class YamlNodes {
  private final String source;
  private final int maxChars;
  private final List<YamlProblem> problems = new ArrayList<>();

  /** A reader of the file named {@code source} in messages, of at most {@code maxChars}. */
  public YamlNodes(String source, int maxChars) {
    this.source = source;
    this.maxChars = maxChars;
  }

  /** The root node of {@code text}; a syntax error or an empty file throws at once. */
  public Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(maxChars);
    try {
      Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
      if (root == null) {
        throw fileProblem(source, "the file is empty");
      }
      return root;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new YamlFileException(
          List.of(
              new YamlProblem(
                  source,
                  mark == null ? 0 : mark.getLine() + 1,
                  "not valid YAML: " + e.getProblem())));
    } catch (YAMLException e) {
      throw fileProblem(source, "not valid YAML");
    }
  }

  /** A problem with the whole file (unreadable, empty). */
  public static YamlFileException fileProblem(String source, String detail) {
    return new YamlFileException(List.of(new YamlProblem(source, 0, detail)));
  }

  public MappingNode mapping(Node node, String what) {
    if (node instanceof MappingNode m) {
      return m;
    }
    problem(node, what + ": expected a mapping");
    return null;
  }

  public String scalar(Node node, String what) {
    if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
      return s.getValue().trim();
    }
    problem(node, what + ": expected a single value");
    return null;
  }

  /** The items of a list of single values; null (and a problem) when it is not one. */
  public List<ScalarNode> scalars(Node node, String what) {
    if (!(node instanceof SequenceNode seq)) {
      problem(node, what + ": expected a list such as [A, B]");
      return null;
    }
    List<ScalarNode> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
        out.add(s);
      } else {
        problem(item, what + ": expected a single value");
      }
    }
    return out;
  }

  /**
   * The entries of a mapping by key; unknown (when {@code allowed} is given) and duplicate keys are
   * problems.
   */
  public Map<String, NodeTuple> keys(MappingNode m, String where, List<String> allowed) {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        problem(t.getKeyNode(), where + ": keys must be plain words");
        continue;
      }
      String key = k.getValue();
      if (allowed != null && !allowed.contains(key)) {
        problem(
            k, where + ": unknown key '" + key + "' (expected " + String.join(", ", allowed) + ")");
        continue;
      }
      if (out.putIfAbsent(key, t) != null) {
        problem(k, where + ": '" + key + "' appears twice");
      }
    }
    return out;
  }

  /** Records a problem at {@code at}'s line. */
  public void problem(Node at, String detail) {
    int line = at == null || at.getStartMark() == null ? 0 : at.getStartMark().getLine() + 1;
    problems.add(new YamlProblem(source, line, detail));
  }

  /** Throws every problem recorded so far, sorted by line; returns if there is none. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      List<YamlProblem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingInt(YamlProblem::line));
      throw new YamlFileException(sorted);
    }
  }
}

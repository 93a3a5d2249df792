package org.zhusan.vault.access.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One cell of the role × document type matrix. {@link #WRITE} implies {@link #READ}. */
public enum Permission {
  NONE("none"),
  READ("read"),
  WRITE("write");

  private final String yamlName;

  Permission(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The word used in the policy file and the docs. */
  public String yamlName() {
    return yamlName;
  }

  /** Whether this permission allows {@code op}. */
  public boolean permits(Operation op) {
    return switch (op) {
      case READ -> this != NONE;
      case WRITE -> this == WRITE;
    };
  }

  /**
   * The permission written as {@code word} in the policy file ({@code none}, {@code read}, {@code
   * write}).
   */
  public static Optional<Permission> parse(String word) {
    return Arrays.stream(values()).filter(p -> p.yamlName.equals(word)).findFirst();
  }

  /** All words, in order. */
  public static List<String> words() {
    return Arrays.stream(values()).map(Permission::yamlName).toList();
  }
}

package org.zhusan.vault.access.policy;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;

/** {@link EnumSet#copyOf(Collection)} that also accepts an empty, non-EnumSet collection. */
final class EnumSets {
  private EnumSets() {}

  static <E extends Enum<E>> EnumSet<E> copyOf(Class<E> type, Collection<E> items) {
    EnumSet<E> copy = EnumSet.noneOf(type);
    for (E e : Objects.requireNonNull(items, "a set is required.")) {
      copy.add(Objects.requireNonNull(e, "sets may not contain null."));
    }
    return copy;
  }
}

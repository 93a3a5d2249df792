package org.zhusan.vault.audit;

/**
 * An action as the access log sees it: a name written verbatim into the entry, and whether the
 * action changes state (which decides how its allowed entry is appended; see {@link AccessLog}).
 * The actions themselves are the policy's ({@code access.Action}); the log core only needs these
 * two facts.
 */
public interface LoggedAction {
  String name();

  boolean changesState();
}

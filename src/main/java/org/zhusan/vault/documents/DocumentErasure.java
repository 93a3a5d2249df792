package org.zhusan.vault.documents;

import java.util.List;
import java.util.UUID;

/**
 * What another capability keeps about a document and must erase when the document is destroyed
 * (search tokens, grants, break-glass sessions). Implemented by those capabilities, which sit above
 * documents; called by records governance in the destruction's transaction. The access log keeps
 * its history of the document by id and is never erased.
 */
public interface DocumentErasure {
  /** Erases what this capability holds about {@code documentId} and its {@code versionIds}. */
  void erase(UUID documentId, List<UUID> versionIds);
}

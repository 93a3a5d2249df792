package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.util.UUID;
import java.util.function.Consumer;

/** The text sink until search indexing exists: counts nothing, keeps nothing. */
@ApplicationScoped
@Default
public class DiscardingTextSink implements TextSink {
  @Override
  public Consumer<String> open(
      UUID subjectId, UUID documentId, UUID versionId, String documentType) {
    return text -> {};
  }

  @Override
  public void finish(UUID versionId, boolean extracted) {}

  @Override
  public void discard(UUID versionId) {}
}

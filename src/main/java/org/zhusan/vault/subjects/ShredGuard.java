package org.zhusan.vault.subjects;

import java.util.UUID;

/**
 * What crypto-shredding a person asks of records governance before it destroys anything: a legal
 * hold on the person or any of their documents forbids it. Implemented by {@code records} (above
 * this package), so subjects need not know about holds; the implementation records the refusal in
 * the access log and answers 409 naming the hold.
 */
public interface ShredGuard {
  /** Refuses (409) if anything of the person is on legal hold; otherwise returns. */
  void refuseIfHeld(UUID subjectId, String centre);
}

package org.zhusan.vault.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.verify.Finding.Kind;

/**
 * The tampering cases every export format must report alike: each format's test class extends this
 * one and renders the same tampered item lists in its own format, so the findings (kind, entries,
 * checkpoint, and the line or record number) are checked to be the same for JSON Lines and binary.
 */
abstract class ExportVerificationCases {

  // 1,000 entries, a checkpoint after every 100 (line numbers: entry k is on line k + 1 + k / 100).
  static final ExportFixture LOG = new ExportFixture(1_000, 100);

  final OfflineLogVerifier verifier = new OfflineLogVerifier(LOG.signer.verifier());

  /** Renders {@code items} in the format under test and verifies them with {@code v}. */
  abstract VerificationReport verify(OfflineLogVerifier v, List<Object> items) throws IOException;

  @Test
  void intactExportVerifies() throws IOException {
    VerificationReport report = verify(LOG.items());
    assertTrue(report.ok(), report.summary());
    assertEquals(1_000, report.entriesChecked());
    assertEquals(10, report.checkpointsChecked());
    assertEquals(1_000, report.signedSize());
  }

  @Test
  void verifierNamesTheEntryThatWasAltered() throws IOException {
    List<Object> items = LOG.items();
    alter(items, 437);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_ALTERED, finding.kind());
    assertEquals(EntryRange.of(437), finding.entries().orElseThrow());
    assertEquals(438 + 1 + 4, finding.line()); // detected at entry 438's line
  }

  @Test
  void verifierNamesTheAlteredEntryJustBeforeACheckpoint() throws IOException {
    List<Object> items = LOG.items();
    alter(items, 499);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_ALTERED, finding.kind());
    assertEquals(EntryRange.of(499), finding.entries().orElseThrow());
    assertEquals(500, finding.checkpointSize().orElseThrow());
  }

  @Test
  void verifierNamesTheCheckpointIntervalWhenTheChainWasRewrittenAfterAnAlteration()
      throws IOException {
    List<Object> items = LOG.items();
    int index = alter(items, 437);
    ExportFixture.rechainFrom(items, index + 1);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.CHECKPOINT_ROOT_MISMATCH, finding.kind());
    assertEquals(500, finding.checkpointSize().orElseThrow());
    assertEquals(new EntryRange(400, 499), finding.entries().orElseThrow());
    assertTrue(finding.entries().orElseThrow().contains(437));
  }

  @Test
  void verifierNamesTheLastEntryWhenItWasAltered() throws IOException {
    List<Object> items = LOG.items();
    alter(items, 999);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.CHECKPOINT_ROOT_MISMATCH, finding.kind());
    assertEquals(1_000, finding.checkpointSize().orElseThrow());
    assertTrue(finding.entries().orElseThrow().contains(999));
  }

  @Test
  void verifierNamesTheEntryWhoseChainLinkWasAltered() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOf(items, 250);
    AuditEntry entry = (AuditEntry) items.get(index);
    byte[] link = entry.previousLeafHash();
    link[5] ^= 1;
    items.set(index, entry.toBuilder().previousLeafHash(link).build());
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_ALTERED, finding.kind());
    assertEquals(EntryRange.of(250), finding.entries().orElseThrow());
  }

  @Test
  void verifierNamesTheEntryThatWasDeleted() throws IOException {
    List<Object> items = LOG.items();
    items.remove(ExportFixture.indexOf(items, 612));
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_REMOVED, finding.kind());
    assertEquals(EntryRange.of(612), finding.entries().orElseThrow());
  }

  @Test
  void verifierNamesTheEntryThatWasDeletedWhenLaterEntriesWereRenumbered() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOf(items, 612);
    items.remove(index);
    ExportFixture.renumberFrom(items, index, -1);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_REMOVED, finding.kind());
    assertEquals(EntryRange.of(612), finding.entries().orElseThrow());
  }

  @Test
  void verifierNamesSeveralDeletedEntries() throws IOException {
    List<Object> items = LOG.items();
    for (int k = 0; k < 3; k++) {
      items.remove(ExportFixture.indexOf(items, 700 + k));
    }
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_REMOVED, finding.kind());
    assertEquals(new EntryRange(700, 702), finding.entries().orElseThrow());
  }

  @Test
  void verifierNamesTheForgedEntryThatWasInserted() throws IOException {
    // The attacker renumbers the later entries to make room and links the forgery correctly.
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOf(items, 321);
    ExportFixture.renumberFrom(items, index, +1);
    AuditEntry before = LOG.entries.get(320);
    items.add(index, forgery(321, AuditEntryEncoding.leafHash(before)));
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_INSERTED, finding.kind());
    assertEquals(EntryRange.of(321), finding.entries().orElseThrow());
  }

  @Test
  void verifierNamesAForgedFirstEntry() throws IOException {
    List<Object> items = LOG.items();
    ExportFixture.renumberFrom(items, 0, +1);
    items.add(0, forgery(0, AuditEntry.genesisPreviousLeafHash()));
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_INSERTED, finding.kind());
    assertEquals(EntryRange.of(0), finding.entries().orElseThrow());
    assertTrue(finding.message().contains("the start of the log"), finding.message());
  }

  @Test
  void verifierNamesAForgedEntryWithADuplicateSequence() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOf(items, 321);
    items.add(index + 1, forgery(321, AuditEntryEncoding.leafHash(LOG.entries.get(321))));
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_INSERTED, finding.kind());
    assertEquals(EntryRange.of(321), finding.entries().orElseThrow());
  }

  @Test
  void verifierNamesAForgedEntryWithABadLink() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOf(items, 321);
    ExportFixture.renumberFrom(items, index, +1);
    items.add(index, forgery(321, new byte[32]));
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_INSERTED, finding.kind());
    assertEquals(EntryRange.of(321), finding.entries().orElseThrow());
  }

  @Test
  void verifierNamesTwoEntriesThatWereSwapped() throws IOException {
    List<Object> items = LOG.items();
    int a = ExportFixture.indexOf(items, 555);
    Object first = items.get(a);
    items.set(a, items.get(a + 1));
    items.set(a + 1, first);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRIES_REORDERED, finding.kind());
    assertTrue(finding.entries().orElseThrow().contains(555));
  }

  @Test
  void verifierNamesTwoEntriesWhoseContentsWereSwappedKeepingTheSequenceNumbers()
      throws IOException {
    List<Object> items = LOG.items();
    int a = ExportFixture.indexOf(items, 555);
    AuditEntry e555 = (AuditEntry) items.get(a);
    AuditEntry e556 = (AuditEntry) items.get(a + 1);
    items.set(a, e556.toBuilder().sequence(555).build());
    items.set(a + 1, e555.toBuilder().sequence(556).build());
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRIES_REORDERED, finding.kind());
    assertEquals(new EntryRange(555, 556), finding.entries().orElseThrow());
  }

  @Test
  void verifierNamesTheCheckpointWhoseEntriesWereCutOff() throws IOException {
    // Entries after 600 deleted; the later checkpoints (kept in their own table) still exported.
    List<Object> items = LOG.items();
    items.removeIf(item -> item instanceof AuditEntry e && e.sequence() >= 600);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.TRUNCATED, finding.kind());
    assertEquals(700, finding.checkpointSize().orElseThrow());
    assertEquals(new EntryRange(600, 699), finding.entries().orElseThrow());
  }

  @Test
  void verifierNamesTheTrustedCheckpointWhenTheTailAndItsCheckpointsWereCutOff()
      throws IOException {
    List<Object> items = LOG.items();
    SignedCheckpoint last = (SignedCheckpoint) items.get(items.size() - 1);
    List<Object> truncated = items.subList(0, ExportFixture.indexOfCheckpoint(items, 600) + 1);

    // Without outside knowledge a log cut at a checkpoint looks like a shorter log.
    VerificationReport alone = verify(truncated);
    assertTrue(alone.ok(), alone.summary());
    assertEquals(600, alone.signedSize());

    VerificationReport withTrusted = verify(verifier.withTrustedCheckpoint(last), truncated);
    Finding finding = withTrusted.problem().orElseThrow();
    assertEquals(Kind.TRUNCATED, finding.kind());
    assertEquals(1_000, finding.checkpointSize().orElseThrow());
    assertEquals(new EntryRange(600, 999), finding.entries().orElseThrow());
  }

  @Test
  void trustedCheckpointThatTheExportExtendsVerifies() throws IOException {
    List<byte[]> leaves =
        LOG.entries.subList(0, 450).stream().map(AuditEntryEncoding::leafHash).toList();
    SignedCheckpoint earlier =
        LOG.signer.sign(
            new Checkpoint(
                ExportFixture.ORIGIN,
                450,
                MerkleTree.rfc9162().rootHash(leaves),
                Instant.parse("2025-11-25T09:00:00Z")));
    VerificationReport report = verify(verifier.withTrustedCheckpoint(earlier), LOG.items());
    assertTrue(report.ok(), report.summary());
    assertEquals(11, report.checkpointsChecked());
  }

  @Test
  void trustedCheckpointOfAnotherHistoryFails() throws IOException {
    // Same size, different content: the export was rewritten since the auditor's last visit.
    List<Object> items = LOG.items();
    SignedCheckpoint trusted =
        LOG.signer.sign(
            new Checkpoint(
                ExportFixture.ORIGIN, 450, new byte[32], Instant.parse("2025-11-25T09:00:00Z")));
    VerificationReport report = verify(verifier.withTrustedCheckpoint(trusted), items);
    Finding finding = report.problem().orElseThrow();
    assertEquals(Kind.CHECKPOINT_ROOT_MISMATCH, finding.kind());
    assertEquals(450, finding.checkpointSize().orElseThrow());
    assertEquals(new EntryRange(400, 449), finding.entries().orElseThrow());
  }

  @Test
  void verifierNamesTheCheckpointWithABadSignature() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOfCheckpoint(items, 300);
    SignedCheckpoint checkpoint = (SignedCheckpoint) items.get(index);
    byte[] signature = checkpoint.signature();
    signature[10] ^= 4;
    items.set(index, new SignedCheckpoint(checkpoint.checkpoint(), signature));
    Finding finding = verifyFailing(items);
    assertEquals(Kind.CHECKPOINT_BAD_SIGNATURE, finding.kind());
    assertEquals(300, finding.checkpointSize().orElseThrow());
  }

  @Test
  void verifierNamesACheckpointWhoseRootWasReplaced() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOfCheckpoint(items, 300);
    SignedCheckpoint checkpoint = (SignedCheckpoint) items.get(index);
    Checkpoint c = checkpoint.checkpoint();
    items.set(
        index,
        new SignedCheckpoint(
            new Checkpoint(c.origin(), c.size(), new byte[32], c.timestamp()),
            checkpoint.signature()));
    Finding finding = verifyFailing(items);
    assertEquals(Kind.CHECKPOINT_BAD_SIGNATURE, finding.kind());
    assertEquals(300, finding.checkpointSize().orElseThrow());
  }

  @Test
  void checkpointSignedByAnotherKeyFails() throws IOException {
    CheckpointSigner other =
        new CheckpointSigner(new Ed25519PrivateKeyParameters(new SecureRandom()));
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOfCheckpoint(items, 1_000);
    items.set(index, other.sign(((SignedCheckpoint) items.get(index)).checkpoint()));
    assertEquals(Kind.CHECKPOINT_BAD_SIGNATURE, verifyFailing(items).kind());
  }

  @Test
  void checkpointOfAnotherLogIsNamed() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOfCheckpoint(items, 200);
    Checkpoint c = ((SignedCheckpoint) items.get(index)).checkpoint();
    items.set(
        index, LOG.signer.sign(new Checkpoint("other-log", c.size(), c.rootHash(), c.timestamp())));
    Finding finding = verifyFailing(items);
    assertEquals(Kind.CHECKPOINT_WRONG_ORIGIN, finding.kind());
    assertEquals(200, finding.checkpointSize().orElseThrow());
  }

  @Test
  void entriesAfterTheLastCheckpointAreUnsigned() throws IOException {
    List<Object> items = LOG.items();
    items.remove(items.size() - 1);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.UNSIGNED_TAIL, finding.kind());
    assertEquals(new EntryRange(900, 999), finding.entries().orElseThrow());
  }

  @Test
  void forgedEntryAppendedBeforeTheLastCheckpointIsNamed() throws IOException {
    List<Object> items = LOG.items();
    AuditEntry last = LOG.entries.get(999);
    items.add(items.size() - 1, forgery(1_000, AuditEntryEncoding.leafHash(last)));
    Finding finding = verifyFailing(items);
    assertEquals(Kind.CHECKPOINT_OUT_OF_PLACE, finding.kind());
    assertEquals(EntryRange.of(1_000), finding.entries().orElseThrow());
  }

  @Test
  void exportNotStartingAtZeroIsMissingItsFirstEntries() throws IOException {
    List<Object> items = LOG.items();
    items.remove(0);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.ENTRY_REMOVED, finding.kind());
    assertEquals(EntryRange.of(0), finding.entries().orElseThrow());
  }

  @Test
  void emptyExportHasNothingSigned() throws IOException {
    VerificationReport report = verify(verifier, List.of());
    assertFalse(report.ok());
    assertEquals(Kind.UNSIGNED_TAIL, report.problem().orElseThrow().kind());
  }

  @Test
  void emptyLogWithACheckpointOfSizeZeroVerifies() throws IOException {
    SignedCheckpoint empty =
        LOG.signer.sign(
            new Checkpoint(
                ExportFixture.ORIGIN,
                0,
                org.zhusan.vault.audit.tree.Rfc9162Hasher.sha256().emptyRoot(),
                Instant.parse("2025-11-25T08:00:00Z")));
    VerificationReport report = verify(verifier, List.of(empty));
    assertTrue(report.ok(), report.summary());
  }

  VerificationReport verify(List<Object> items) throws IOException {
    return verify(verifier, items);
  }

  Finding verifyFailing(List<Object> items) throws IOException {
    VerificationReport report = verify(items);
    assertFalse(report.ok(), "expected a problem");
    return report.problem().orElseThrow();
  }

  /** Changes one field of entry {@code sequence} in place; returns its list index. */
  private static int alter(List<Object> items, long sequence) {
    int index = ExportFixture.indexOf(items, sequence);
    AuditEntry entry = (AuditEntry) items.get(index);
    items.set(
        index,
        entry.toBuilder().outcome(entry.outcome().equals("DENIED") ? "ALLOWED" : "DENIED").build());
    return index;
  }

  private static AuditEntry forgery(long sequence, byte[] previous) {
    return AuditEntry.builder()
        .sequence(sequence)
        .occurredAt(Instant.parse("2025-11-25T09:30:00Z"))
        .userId("u-forger")
        .role("AUDITOR")
        .action("READ_LOG")
        .targetType("LOG")
        .outcome("ALLOWED")
        .previousLeafHash(previous)
        .build();
  }
}

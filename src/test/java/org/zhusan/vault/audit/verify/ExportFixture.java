package org.zhusan.vault.audit.verify;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.audit.tree.CompactRange;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/**
 * A generated, correctly chained and signed log, exposed as a mutable list of export items ({@link
 * AuditEntry} or {@link SignedCheckpoint}) that a test can tamper with before rendering.
 */
final class ExportFixture {

  static final String ORIGIN = "zhusan-vault/audit-log/test";
  private static final String[] ROLES = {
    "LAWYER", "PSYCHOLOGIST", "DOCTOR", "SOCIAL_WORKER", "TEACHER", "AUDITOR"
  };
  private static final String[] ACTIONS = {
    "READ_DOCUMENT", "READ_VERSION", "UPLOAD_VERSION", "SEARCH", "GRANT", "READ_LOG"
  };
  private static final String[] TARGETS = {
    "DOCUMENT", "VERSION", "VERSION", "QUERY", "GRANT", "LOG"
  };
  private static final String[] OUTCOMES = {"ALLOWED", "ALLOWED", "ALLOWED", "DENIED", "FAILED"};

  final CheckpointSigner signer;
  final List<AuditEntry> entries = new ArrayList<>();
  private final List<Object> items = new ArrayList<>();

  /**
   * Builds {@code count} entries with a checkpoint after every {@code every} entries and at the
   * end.
   */
  ExportFixture(int count, int every) {
    this(count, every, new CheckpointSigner(new Ed25519PrivateKeyParameters(new SecureRandom())));
  }

  ExportFixture(int count, int every, CheckpointSigner signer) {
    this.signer = signer;
    Random random = new Random(count * 31L + every);
    CompactRange range = MerkleTree.rfc9162().newCompactRange();
    byte[] previous = AuditEntry.genesisPreviousLeafHash();
    Instant time = Instant.parse("2025-11-25T08:00:00Z");
    for (int i = 0; i < count; i++) {
      time = time.plusNanos(1_000L * (1 + random.nextInt(5_000_000)));
      AuditEntry entry = randomEntry(random, i, time, previous);
      entries.add(entry);
      items.add(entry);
      previous = AuditEntryEncoding.leafHash(entry);
      range.append(previous);
      if ((i + 1) % every == 0 || i + 1 == count) {
        items.add(
            signer.sign(new Checkpoint(ORIGIN, i + 1, range.rootHash(), time.plusSeconds(1))));
      }
    }
  }

  /** Returns a fresh mutable copy of the export items. */
  List<Object> items() {
    return new ArrayList<>(items);
  }

  /** Returns the export text of the untampered log. */
  String export() {
    return render(items);
  }

  static String render(List<Object> items) {
    StringWriter out = new StringWriter();
    for (Object item : items) {
      if (item instanceof AuditEntry entry) {
        out.write(ExportFormat.entryLine(entry));
      } else if (item instanceof SignedCheckpoint checkpoint) {
        out.write(ExportFormat.checkpointLine(checkpoint));
      } else {
        out.write((String) item); // raw text, for malformed lines
      }
      out.write('\n');
    }
    return out.toString();
  }

  /**
   * Returns the binary export of {@code items} (header for {@link #ORIGIN}); a {@code byte[]} item
   * is written as it is, for malformed records.
   */
  static byte[] renderBinary(List<Object> items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BinaryExportFormat.header(ORIGIN));
    for (Object item : items) {
      if (item instanceof AuditEntry entry) {
        out.writeBytes(BinaryExportFormat.entryRecord(entry));
      } else if (item instanceof SignedCheckpoint checkpoint) {
        out.writeBytes(BinaryExportFormat.checkpointRecord(checkpoint));
      } else {
        out.writeBytes((byte[]) item);
      }
    }
    return out.toByteArray();
  }

  /** Returns the list index of the entry line whose sequence is {@code sequence}. */
  static int indexOf(List<Object> items, long sequence) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof AuditEntry e && e.sequence() == sequence) {
        return i;
      }
    }
    throw new IllegalArgumentException("no entry " + sequence);
  }

  /** Returns the list index of the checkpoint line of size {@code size}. */
  static int indexOfCheckpoint(List<Object> items, long size) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof SignedCheckpoint c && c.checkpoint().size() == size) {
        return i;
      }
    }
    throw new IllegalArgumentException("no checkpoint " + size);
  }

  /**
   * Rewrites every entry's chain link from list index {@code from} on, as an attacker without the
   * key can.
   */
  static void rechainFrom(List<Object> items, int from) {
    byte[] previous = null;
    for (int i = from - 1; i >= 0 && previous == null; i--) {
      if (items.get(i) instanceof AuditEntry e) {
        previous = AuditEntryEncoding.leafHash(e);
      }
    }
    if (previous == null) {
      previous = AuditEntry.genesisPreviousLeafHash();
    }
    for (int i = from; i < items.size(); i++) {
      if (items.get(i) instanceof AuditEntry e) {
        AuditEntry relinked = e.toBuilder().previousLeafHash(previous).build();
        items.set(i, relinked);
        previous = AuditEntryEncoding.leafHash(relinked);
      }
    }
  }

  /**
   * Adds {@code delta} to the sequence of every entry from list index {@code from} on (links
   * untouched).
   */
  static void renumberFrom(List<Object> items, int from, int delta) {
    for (int i = from; i < items.size(); i++) {
      if (items.get(i) instanceof AuditEntry e) {
        items.set(i, e.toBuilder().sequence(e.sequence() + delta).build());
      }
    }
  }

  static AuditEntry randomEntry(Random random, long sequence, Instant time, byte[] previous) {
    int kind = random.nextInt(ACTIONS.length);
    String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
    boolean breakGlass = random.nextInt(50) == 0;
    return AuditEntry.builder()
        .sequence(sequence)
        .occurredAt(time)
        .userId("u-" + random.nextInt(400))
        .role(ROLES[random.nextInt(ROLES.length)])
        .centre(random.nextInt(10) == 0 ? null : String.format("C%02d", 1 + random.nextInt(17)))
        .action(ACTIONS[kind])
        .targetType(TARGETS[kind])
        .targetId(Long.toHexString(random.nextLong()))
        .purpose(random.nextBoolean() ? "TREATMENT" : "LEGAL_PROCEEDING")
        .justification(breakGlass ? "patient unconscious, emergency admission" : null)
        .outcome(outcome)
        .rule("policy." + kind)
        .reason(outcome.equals("ALLOWED") ? null : "role may not read this document type")
        .breakGlass(breakGlass)
        .clientAddress("10.0." + random.nextInt(256) + "." + random.nextInt(256))
        .requestId("req-" + Long.toHexString(random.nextLong()))
        .previousLeafHash(previous)
        .build();
  }
}

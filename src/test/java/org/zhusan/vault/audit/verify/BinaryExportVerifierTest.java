package org.zhusan.vault.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.audit.verify.Finding.Kind;

/**
 * The binary export: every tampering case of the JSON verifier (inherited) gives the same finding
 * at the same position, and what only a binary file can get wrong — magic, version, framing,
 * lengths, payloads — is refused with the record named.
 */
class BinaryExportVerifierTest extends ExportVerificationCases {

  @TempDir Path dir;

  @Override
  VerificationReport verify(OfflineLogVerifier v, List<Object> items) throws IOException {
    return v.verifyBinary(new ByteArrayInputStream(ExportFixture.renderBinary(items)));
  }

  @Test
  void findingsMatchTheJsonExportWordForWordExceptLineBecomesRecord() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOf(items, 437);
    AuditEntry e = (AuditEntry) items.get(index);
    items.set(index, e.toBuilder().userId("u-someone-else").build());
    Finding json = verifier.verify(new StringReader(ExportFixture.render(items))).problem().get();
    Finding bin = verifyFailing(items);
    assertEquals(json.kind(), bin.kind());
    assertEquals(json.line(), bin.line());
    assertEquals(json.entries(), bin.entries());
    assertEquals(json.message(), bin.message());
    assertEquals(json.toString().replaceFirst("^line", "record"), bin.toString());
  }

  @Test
  void exportIsReadBackRecordByRecord() throws IOException {
    byte[] file = ExportFixture.renderBinary(LOG.items());
    BinaryExportReader reader = BinaryExportReader.open(new ByteArrayInputStream(file));
    assertEquals(ExportFixture.ORIGIN, reader.origin());
    List<Object> items = LOG.items();
    for (Object expected : items) {
      ExportRecord record = reader.next();
      if (expected instanceof AuditEntry entry) {
        assertEquals(entry, ((ExportRecord.EntryRecord) record).entry().decode());
      } else {
        assertEquals(expected, ((ExportRecord.CheckpointRecord) record).checkpoint());
      }
    }
    assertEquals(null, reader.next());
    assertEquals(items.size(), reader.recordNumber());
  }

  @Test
  void writerProducesWhatTheFormatDescribes() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    BinaryExportWriter writer = new BinaryExportWriter(out, ExportFixture.ORIGIN);
    for (Object item : LOG.items()) {
      if (item instanceof AuditEntry entry) {
        writer.writeEntry(entry);
      } else {
        writer.writeCheckpoint((org.zhusan.vault.audit.tree.SignedCheckpoint) item);
      }
    }
    writer.flush();
    assertTrue(Arrays.equals(ExportFixture.renderBinary(LOG.items()), out.toByteArray()));
    assertEquals(1_000, writer.entriesWritten());
  }

  @Test
  void writerRefusesAnEntryOutOfOrder() throws IOException {
    BinaryExportWriter writer =
        new BinaryExportWriter(new java.io.ByteArrayOutputStream(), ExportFixture.ORIGIN);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> writer.writeEntry(LOG.entries.get(1)));
  }

  @Test
  void verifyFileDetectsTheBinaryFormatByItsMagicBytes() throws IOException {
    Path bin = dir.resolve("log.bin");
    Files.write(bin, ExportFixture.renderBinary(LOG.items()));
    Path jsonl = dir.resolve("log.jsonl");
    Files.writeString(jsonl, LOG.export());
    VerificationReport fromBin = verifier.verify(bin);
    VerificationReport fromJson = verifier.verify(jsonl);
    assertTrue(fromBin.ok(), fromBin.summary());
    assertEquals(fromJson, fromBin);
  }

  @Test
  void fileCutInsideARecordIsRefusedNamingTheRecord() throws IOException {
    byte[] file = ExportFixture.renderBinary(LOG.items());
    int records = LOG.items().size();
    int lastRecordBytes =
        BinaryExportFormat.checkpointRecord(
                (org.zhusan.vault.audit.tree.SignedCheckpoint) LOG.items().get(records - 1))
            .length;
    for (int cut = 1; cut < lastRecordBytes; cut++) {
      Finding finding = failing(Arrays.copyOf(file, file.length - cut));
      assertEquals(Kind.MALFORMED_LINE, finding.kind());
      assertEquals(records, finding.line());
      assertTrue(
          finding.message().contains("record " + records + " is truncated"), finding.message());
    }
  }

  @Test
  void fileCutAtARecordBoundaryIsAnUnsignedTail() throws IOException {
    List<Object> items = LOG.items();
    items.remove(items.size() - 1);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.UNSIGNED_TAIL, finding.kind());
    assertEquals(new EntryRange(900, 999), finding.entries().orElseThrow());
  }

  @Test
  void garbageIsNotABinaryExport() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Finding finding = failing(garbage);
    assertEquals(Kind.MALFORMED_LINE, finding.kind());
    assertEquals(0, finding.line());
    assertTrue(finding.message().contains("ZVLOGBIN"), finding.message());
    assertEquals(Kind.MALFORMED_LINE, failing(new byte[0]).kind());
  }

  @Test
  void unknownVersionIsRefused() throws IOException {
    byte[] file = ExportFixture.renderBinary(LOG.items());
    file[9] = 2;
    Finding finding = failing(file);
    assertEquals(0, finding.line());
    assertTrue(finding.message().contains("version 2 is not supported"), finding.message());
  }

  @Test
  void headerCutShortIsRefused() throws IOException {
    byte[] header = BinaryExportFormat.header(ExportFixture.ORIGIN);
    for (int n = 8; n < header.length; n++) {
      Finding finding = failing(Arrays.copyOf(header, n));
      assertEquals(0, finding.line());
      assertTrue(finding.message().contains("truncated"), finding.message());
    }
  }

  @Test
  void oversizedRecordIsRefusedBeforeItIsRead() throws IOException {
    List<Object> items = LOG.items();
    items.add(3, new byte[] {0x01, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    Finding finding = verifyFailing(items);
    assertEquals(Kind.MALFORMED_LINE, finding.kind());
    assertEquals(4, finding.line());
    assertTrue(finding.message().contains("record 4 declares 2147483647 bytes"), finding.message());
  }

  @Test
  void unknownRecordTypeIsRefused() throws IOException {
    List<Object> items = LOG.items();
    items.add(3, new byte[] {0x07, 0, 0, 0, 1, 0});
    Finding finding = verifyFailing(items);
    assertEquals(4, finding.line());
    assertTrue(finding.message().contains("unknown type 0x7"), finding.message());
  }

  @Test
  void entryPayloadThatIsNotACanonicalEncodingIsRefused() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOf(items, 5);
    byte[] record = BinaryExportFormat.entryRecord((AuditEntry) items.get(index));
    byte[] longer = Arrays.copyOf(record, record.length + 1); // a trailing byte
    longer[4]++;
    items.set(index, longer);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.MALFORMED_LINE, finding.kind());
    assertEquals(6, finding.line());
    assertTrue(finding.message().contains("record 6 is not a valid entry"), finding.message());
  }

  @Test
  void checkpointPayloadThatIsNotCanonicalIsRefused() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOfCheckpoint(items, 100);
    byte[] record =
        BinaryExportFormat.checkpointRecord(
            (org.zhusan.vault.audit.tree.SignedCheckpoint) items.get(index));
    record[BinaryExportFormat.RECORD_HEADER_BYTES + ExportFixture.ORIGIN.length() + 1] = '+';
    items.set(index, record);
    Finding finding = verifyFailing(items);
    assertEquals(Kind.MALFORMED_LINE, finding.kind());
    assertEquals(index + 1, finding.line());
    assertTrue(finding.message().contains("is not a valid checkpoint"), finding.message());
  }

  @Test
  void everyFlippedBitInAnEntryRecordIsFoundOrRefused() throws IOException {
    List<Object> items = LOG.items();
    int index = ExportFixture.indexOf(items, 42);
    byte[] record = BinaryExportFormat.entryRecord((AuditEntry) items.get(index));
    int offset = ExportFixture.renderBinary(items.subList(0, index)).length;
    byte[] file = ExportFixture.renderBinary(items);
    for (int bit = 0; bit < record.length * 8; bit++) {
      byte[] flipped = file.clone();
      flipped[offset + bit / 8] ^= (byte) (1 << (bit % 8));
      VerificationReport report = verifier.verifyBinary(new ByteArrayInputStream(flipped));
      assertFalse(report.ok(), "bit " + bit);
    }
  }

  @Test
  void canonicalEntryHashesAsTheEncodingDoes() {
    AuditEntry entry = LOG.entries.get(7);
    CanonicalEntry canonical = CanonicalEntry.of(entry);
    assertTrue(Arrays.equals(AuditEntryEncoding.leafHash(entry), canonical.leafHash()));
    assertTrue(
        Arrays.equals(
            AuditEntryEncoding.leafHash(entry.toBuilder().sequence(99).build()),
            canonical.leafHashAs(99)));
    byte[] link = new byte[32];
    link[0] = 1;
    assertTrue(
        Arrays.equals(
            AuditEntryEncoding.leafHash(entry.toBuilder().previousLeafHash(link).build()),
            canonical.leafHashWithLink(link)));
    assertTrue(canonical.linksTo(entry.previousLeafHash()));
    assertEquals(7, canonical.sequence());
  }

  private Finding failing(byte[] file) throws IOException {
    VerificationReport report = verifier.verifyBinary(new ByteArrayInputStream(file));
    assertFalse(report.ok(), "expected a problem");
    return report.problem().orElseThrow();
  }
}

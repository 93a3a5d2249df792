package org.zhusan.vault.disclosure.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DisclosureZipTest {

  private static final Ed25519PrivateKeyParameters KEY = BundleFixtures.newKey();
  private static List<BundleItem> items;
  private static DisclosureZip.Result result;
  private static byte[] zip;

  @BeforeAll
  static void write() throws Exception {
    items = BundleFixtures.pdfDocxJpeg();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    result = DisclosureZip.write(BundleFixtures.school(), items, BundleFixtures.signer(KEY), out);
    zip = out.toByteArray();
  }

  @Test
  void holdsTheNumberedFilesThenTheManifest() throws Exception {
    List<String> expected =
        List.of("01-ruling.pdf", "02-evaluation_report.docx", "03-cert.jpg", "manifest.json");
    assertEquals(expected, result.entryNames());
    Map<String, byte[]> entries = entries(zip);
    assertEquals(expected, new ArrayList<>(entries.keySet()));
    for (int i = 0; i < items.size(); i++) {
      assertArrayEquals(items.get(i).content(), entries.get(expected.get(i)));
    }
    assertArrayEquals(result.signedManifest(), entries.get("manifest.json"));
  }

  @Test
  void theManifestListsEveryFilesHashAndThePackageHash() {
    Manifest.Result verdict = Manifest.verify(result.signedManifest(), KEY.generatePublicKey());
    assertTrue(verdict.valid(), verdict.reason());
    List<Manifest.Item> listed = verdict.contents().items();
    StringBuilder sha256sum = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      assertEquals(items.get(i).sha256(), listed.get(i).sha256());
      assertEquals(result.entryNames().get(i), listed.get(i).location());
      assertEquals(items.get(i).content().length, listed.get(i).sizeBytes());
      sha256sum
          .append(items.get(i).sha256())
          .append("  ")
          .append(result.entryNames().get(i))
          .append('\n');
    }
    // What `sha256sum 0* | sha256sum` prints in the extracted directory.
    assertEquals(
        Sha256.hex(sha256sum.toString().getBytes(StandardCharsets.UTF_8)),
        verdict.contents().packageSha256());
    assertEquals(null, verdict.contents().header().caseReference());
  }

  @Test
  void verifiesTheWholePackage() throws Exception {
    DisclosureZip.Check check =
        DisclosureZip.verify(new ByteArrayInputStream(zip), KEY.generatePublicKey());
    assertTrue(check.valid(), check.reason());
  }

  @Test
  void detectsAChangedMissingExtraOrReorderedFile() throws Exception {
    Map<String, byte[]> entries = entries(zip);

    Map<String, byte[]> changed = new LinkedHashMap<>(entries);
    byte[] jpeg = changed.get("03-cert.jpg").clone();
    jpeg[jpeg.length / 2] ^= 1;
    changed.put("03-cert.jpg", jpeg);
    DisclosureZip.Check check = check(changed);
    assertFalse(check.valid());
    assertTrue(check.reason().startsWith("03-cert.jpg: SHA-256 "), check.reason());

    Map<String, byte[]> missing = new LinkedHashMap<>(entries);
    missing.remove("02-evaluation_report.docx");
    assertFalse(check(missing).valid());

    Map<String, byte[]> extra = new LinkedHashMap<>();
    entries.forEach(
        (name, bytes) -> {
          if (name.equals("manifest.json")) {
            extra.put("04-extra.txt", "x".getBytes());
          }
          extra.put(name, bytes);
        });
    assertTrue(check(extra).reason().contains("04-extra.txt"), check(extra).reason());

    Map<String, byte[]> reordered = new LinkedHashMap<>();
    reordered.put("02-evaluation_report.docx", entries.get("02-evaluation_report.docx"));
    reordered.put("01-ruling.pdf", entries.get("01-ruling.pdf"));
    reordered.put("03-cert.jpg", entries.get("03-cert.jpg"));
    reordered.put("manifest.json", entries.get("manifest.json"));
    assertFalse(check(reordered).valid());

    Map<String, byte[]> manifestFirst = new LinkedHashMap<>();
    manifestFirst.put("manifest.json", entries.get("manifest.json"));
    entries.forEach(manifestFirst::putIfAbsent);
    assertFalse(check(manifestFirst).valid());

    Map<String, byte[]> badManifest = new LinkedHashMap<>(entries);
    byte[] manifest = badManifest.get("manifest.json").clone();
    manifest[40] ^= 1;
    badManifest.put("manifest.json", manifest);
    assertFalse(check(badManifest).valid());
    assertFalse(
        DisclosureZip.verify(
                new ByteArrayInputStream(zip), BundleFixtures.newKey().generatePublicKey())
            .valid());
  }

  @Test
  void makesFileNamesSafe() {
    assertEquals("ruling.pdf", DisclosureZip.safeFileName("ruling.pdf"));
    assertEquals("evaluation_report.docx", DisclosureZip.safeFileName("evaluation report.docx"));
    assertEquals("cert.jpg", DisclosureZip.safeFileName("C:\\scans\\birth/cert.jpg"));
    assertEquals("Шешім_соттың.pdf", DisclosureZip.safeFileName("Шешім (соттың).pdf"));
    assertEquals("passwd", DisclosureZip.safeFileName("../../etc/passwd"));
    assertEquals("hidden", DisclosureZip.safeFileName(".hidden"));
    assertEquals("document", DisclosureZip.safeFileName("\n\t*"));
    assertEquals("a_b", DisclosureZip.safeFileName("a\nb"));
    String longName = DisclosureZip.safeFileName("x".repeat(300) + ".pdf");
    assertEquals(DisclosureZip.MAX_NAME, longName.length());
    assertTrue(longName.endsWith(".pdf"));
  }

  @Test
  void numbersWithEnoughDigitsToKeepTheOrder() {
    List<BundleItem> many = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      many.add(
          new BundleItem(BundleFixtures.PDF_ID, 1, "T", "t", "text/plain", "a.txt", new byte[0]));
    }
    List<String> names = DisclosureZip.entryNames(many);
    assertEquals("001-a.txt", names.get(0));
    assertEquals("120-a.txt", names.get(119));
  }

  private static DisclosureZip.Check check(Map<String, byte[]> entries) throws Exception {
    return DisclosureZip.verify(new ByteArrayInputStream(zip(entries)), KEY.generatePublicKey());
  }

  static Map<String, byte[]> entries(byte[] zip) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  static byte[] zip(Map<String, byte[]> entries) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}

package org.zhusan.vault.disclosure.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * The disclosure package for recipients other than a court: a ZIP holding the files as they are,
 * named {@code NN-<safe file name>} in the order of the manifest, and then, as the last entry, the
 * signed manifest {@value #MANIFEST_NAME} ({@link Manifest}; each item's {@code location} is its
 * entry name).
 *
 * <p><b>The package hash.</b> {@code packageSha256} is the SHA-256 of the UTF-8 text made of one
 * line per file, in order, {@code <sha256 of the file> <entry name>\n} (two spaces) — exactly what
 * {@code sha256sum} prints for the extracted files — so it does not depend on how the ZIP itself
 * was compressed or stamped, and anyone can recompute it: {@code sha256sum 0* | sha256sum} in the
 * extracted directory. Safe names hold only letters, digits, {@code .}, {@code -} and {@code _}
 * (NFC), so {@code sha256sum} prints them unescaped, and the zero-padded number keeps the order.
 *
 * <p>Stateless and thread-safe.
 */
public final class DisclosureZip {

  /** The name of the signed manifest, the ZIP's last entry. */
  public static final String MANIFEST_NAME = "manifest.json";

  /** The longest safe file name (after the number), in characters. */
  static final int MAX_NAME = 80;

  /** Largest manifest read back: a few KiB per item at most. */
  static final int MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

  private DisclosureZip() {}

  /** What the ZIP holds, in order (the manifest last). */
  public record Result(List<String> entryNames, byte[] signedManifest) {
    /** Copies the names. */
    public Result {
      entryNames = List.copyOf(entryNames);
    }
  }

  /**
   * Writes the ZIP to {@code out} (which is not closed).
   *
   * @throws IllegalArgumentException if there are no items
   */
  public static Result write(
      BundleHeader header, List<BundleItem> items, Signer signer, OutputStream out)
      throws IOException {
    Objects.requireNonNull(header, "header is required.");
    Objects.requireNonNull(items, "items is required.");
    Objects.requireNonNull(signer, "signer is required.");
    Objects.requireNonNull(out, "out is required.");
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a package needs at least one document");
    }
    List<String> names = entryNames(items);
    List<String> hashes = new ArrayList<>(items.size());
    for (BundleItem item : items) {
      hashes.add(item.sha256());
    }
    byte[] body = Manifest.body(header, items, packageSha256(hashes, names), names);
    byte[] signed = Manifest.sign(body, signer);

    ZipOutputStream zip = new ZipOutputStream(nonClosing(out), StandardCharsets.UTF_8);
    for (int i = 0; i < items.size(); i++) {
      ZipEntry entry = new ZipEntry(names.get(i));
      entry.setTime(header.madeAt().toEpochMilli());
      zip.putNextEntry(entry);
      zip.write(items.get(i).content());
      zip.closeEntry();
    }
    ZipEntry manifest = new ZipEntry(MANIFEST_NAME);
    manifest.setTime(header.madeAt().toEpochMilli());
    zip.putNextEntry(manifest);
    zip.write(signed);
    zip.closeEntry();
    zip.finish();
    zip.flush();

    List<String> all = new ArrayList<>(names);
    all.add(MANIFEST_NAME);
    return new Result(all, signed);
  }

  /** Returns the entry names of {@code items}: {@code NN-<safe file name>}, numbered from 1. */
  public static List<String> entryNames(List<BundleItem> items) {
    int digits = Math.max(2, Integer.toString(items.size()).length());
    List<String> names = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      names.add(
          String.format(Locale.ROOT, "%0" + digits + "d", i + 1)
              + "-"
              + safeFileName(items.get(i).fileName()));
    }
    return names;
  }

  /**
   * Returns a file name that is safe on every system and in {@code sha256sum}'s output: NFC,
   * letters, digits, {@code . - _} only (anything else becomes {@code _}, runs collapsed), no
   * leading dot, at most {@value #MAX_NAME} characters keeping the extension; {@code "document"} if
   * nothing is left.
   */
  public static String safeFileName(String fileName) {
    String name = Normalizer.normalize(fileName, Normalizer.Form.NFC);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            cp -> {
              boolean ok = Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_';
              if (ok) {
                out.appendCodePoint(cp);
              } else if (out.length() == 0 || out.charAt(out.length() - 1) != '_') {
                out.append('_');
              }
            });
    String safe =
        out.toString().replaceAll("_+\\.", ".").replaceAll("^[._]+", "").replaceAll("_+$", "");
    if (safe.codePointCount(0, safe.length()) > MAX_NAME) {
      int dot = safe.lastIndexOf('.');
      String extension = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
      String stem = safe.substring(0, safe.length() - extension.length());
      int keep = MAX_NAME - extension.length();
      stem =
          stem.substring(
              0, stem.offsetByCodePoints(0, Math.min(keep, stem.codePointCount(0, stem.length()))));
      safe = stem + extension;
    }
    return safe.isEmpty() ? "document" : safe;
  }

  /**
   * Returns the package hash: SHA-256 of the lines {@code <sha256> <entry name>\n} in order (what
   * {@code sha256sum} prints for the files).
   */
  public static String packageSha256(List<String> sha256s, List<String> entryNames) {
    if (sha256s.size() != entryNames.size()) {
      throw new IllegalArgumentException("one hash per entry");
    }
    StringBuilder listing = new StringBuilder();
    for (int i = 0; i < sha256s.size(); i++) {
      listing.append(sha256s.get(i)).append("  ").append(entryNames.get(i)).append('\n');
    }
    return Sha256.hex(listing.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The verdict on a ZIP: the manifest's, then whether the files match it.
   *
   * @param valid whether the manifest is valid and every file matches it
   * @param reason one line: why not, or a summary
   * @param manifest the manifest's verdict, or {@code null} when there was none to check
   * @param problems every mismatch found (empty when valid)
   */
  public record Check(
      boolean valid, String reason, Manifest.Result manifest, List<String> problems) {
    /** Copies the problems. */
    public Check {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Verifies a disclosure ZIP read from {@code zip} (not closed): the last entry is a manifest
   * signed by {@code key}; the other entries are exactly the manifest's items, in order, each with
   * the listed entry name, size and SHA-256; the package hash is the one the entries give. Entries
   * are read in the order they are stored (the local headers), hashed as they stream.
   */
  public static Check verify(InputStream zip, Ed25519PublicKeyParameters key) throws IOException {
    Objects.requireNonNull(zip, "zip is required.");
    Objects.requireNonNull(key, "key is required.");
    List<String> names = new ArrayList<>();
    List<Sha256.Counted> files = new ArrayList<>();
    byte[] manifestBytes = null;
    boolean manifestLast = false;
    Set<String> seen = new HashSet<>();
    List<String> problems = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(nonClosing(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (!seen.add(name)) {
          problems.add("the entry " + name + " appears twice");
        }
        if (name.equals(MANIFEST_NAME)) {
          manifestBytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
          manifestLast = true;
          if (manifestBytes.length > MAX_MANIFEST_BYTES) {
            return new Check(false, "the manifest is too large", null, List.of());
          }
        } else {
          manifestLast = false;
          names.add(name);
          files.add(Sha256.hex(in));
        }
      }
    } catch (java.util.zip.ZipException e) {
      return new Check(false, "not a readable ZIP: " + e.getMessage(), null, List.of());
    }
    if (manifestBytes == null) {
      return new Check(false, "the ZIP has no " + MANIFEST_NAME, null, List.of());
    }
    Manifest.Result manifest = Manifest.verify(manifestBytes, key);
    if (!manifest.valid()) {
      return new Check(false, manifest.reason(), manifest, List.of());
    }
    if (!manifestLast) {
      problems.add(MANIFEST_NAME + " is not the last entry");
    }
    List<Manifest.Item> items = manifest.contents().items();
    for (int i = 0; i < Math.max(items.size(), names.size()); i++) {
      if (i >= names.size()) {
        problems.add("missing file: " + items.get(i).location());
        continue;
      }
      if (i >= items.size()) {
        problems.add("a file the manifest does not list: " + names.get(i));
        continue;
      }
      Manifest.Item item = items.get(i);
      Sha256.Counted file = files.get(i);
      if (!names.get(i).equals(item.location())) {
        problems.add(
            "entry " + (i + 1) + " is " + names.get(i) + ", the manifest lists " + item.location());
      } else if (!file.sha256().equals(item.sha256())) {
        problems.add(
            names.get(i)
                + ": SHA-256 "
                + file.sha256()
                + " does not match the manifest's "
                + item.sha256());
      } else if (file.size() != item.sizeBytes()) {
        problems.add(
            names.get(i) + ": " + file.size() + " bytes, the manifest says " + item.sizeBytes());
      }
    }
    String expected = manifest.contents().packageSha256();
    if (problems.isEmpty()) {
      List<String> hashes = files.stream().map(Sha256.Counted::sha256).toList();
      if (expected == null || !expected.equals(packageSha256(hashes, names))) {
        problems.add("the package hash does not match the files");
      }
    }
    if (!problems.isEmpty()) {
      return new Check(
          false,
          problems.size() == 1
              ? problems.get(0)
              : problems.get(0) + " (and " + (problems.size() - 1) + " more)",
          manifest,
          problems);
    }
    return new Check(
        true,
        manifest.reason() + "; all " + names.size() + " files match, package " + expected,
        manifest,
        List.of());
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }
}

package org.zhusan.vault.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.zhusan.vault.disclosure.bundle.CourtBundle;
import org.zhusan.vault.disclosure.bundle.DisclosureZip;
import org.zhusan.vault.disclosure.bundle.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code verify-disclosure}: checks a disclosure offline against the vault's published Ed25519
 * public key. FILE may be
 *
 * <ul>
 *   <li>a court bundle PDF: its attached {@code manifest.json} must be validly signed; the items'
 *       bytes cannot be recovered from the PDF, so the command prints each item's SHA-256 and the
 *       bundle file's own SHA-256, for comparison with the vault's record of the disclosure;
 *   <li>a disclosure ZIP: the manifest (last entry) must be validly signed and every file's name,
 *       size and SHA-256 must match it, and the package hash;
 *   <li>a {@code manifest.json} alone: its signature is checked and the item hashes printed.
 * </ul>
 *
 * <p>Prints {@code VALID: …} (then the details) or {@code INVALID: <why>}; exits 0 when valid, 1
 * when not, 2 on a command-line error or when a file cannot be read.
 *
 * <p>Not thread-safe (picocli injects the options into the instance); create one per run.
 */
@Command(
    name = "verify-disclosure",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies a disclosure package offline against the vault's published Ed25519 public key: a"
          + " court bundle (.pdf, its attached manifest.json), a disclosure .zip (the manifest and"
          + " every file), or a manifest.json alone.",
      "For a PDF it prints the items' SHA-256 and the bundle's own SHA-256 to compare with the"
          + " vault's record."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the package is valid and signed by the given key",
      "1:the package is not valid",
      "2:invalid command line, or a file could not be read"
    })
public final class VerifyDisclosureCommand extends SignedFileCommand {

  /** Largest PDF or manifest read into memory; ZIPs are streamed. */
  static final long MAX_FILE_BYTES = 1024L * 1024 * 1024;

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The court bundle (.pdf), the disclosure package (.zip) or a manifest.json.")
  private Path file;

  /** Creates the command. */
  public VerifyDisclosureCommand() {
    super("verify-disclosure");
  }

  @Override
  int check(PrintWriter out, PrintWriter err, Ed25519PublicKeyParameters publicKey) {
    try {
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(5);
      }
      if (OfflineCheck.startsWith(head, ZIP_MAGIC)) {
        return zip(out, publicKey);
      }
      byte[] bytes = OfflineCheck.read(file, MAX_FILE_BYTES);
      return OfflineCheck.isPdf(head)
          ? pdf(out, bytes, publicKey)
          : manifest(out, bytes, publicKey);
    } catch (IOException | IllegalArgumentException e) {
      return usageError(err, "cannot read " + file + ": " + e.getMessage());
    }
  }

  private int zip(PrintWriter out, Ed25519PublicKeyParameters key) throws IOException {
    DisclosureZip.Check check;
    try (InputStream in = Files.newInputStream(file)) {
      check = DisclosureZip.verify(in, key);
    }
    if (!check.valid()) {
      out.println("INVALID: " + printable(check.reason()));
      for (String problem : check.problems()) {
        out.println("  " + printable(problem));
      }
      out.flush();
      return OfflineCheck.INVALID;
    }
    OfflineCheck.valid(out, printable(check.manifest().reason()));
    items(out, check.manifest().contents());
    out.println(
        "All files match the manifest; package SHA-256 "
            + check.manifest().contents().packageSha256());
    out.flush();
    return OfflineCheck.VALID;
  }

  private int pdf(PrintWriter out, byte[] bytes, Ed25519PublicKeyParameters key) {
    byte[] manifest;
    try {
      manifest = CourtBundle.attachedManifest(bytes);
    } catch (IllegalArgumentException e) {
      return OfflineCheck.invalid(out, e.getMessage());
    }
    Manifest.Result result = Manifest.verify(manifest, key);
    if (!result.valid()) {
      return OfflineCheck.invalid(out, result.reason());
    }
    OfflineCheck.valid(out, printable(result.reason()));
    items(out, result.contents());
    out.println(
        "Bundle SHA-256 (this file; compare with the vault's record of the disclosure): "
            + sha256(bytes));
    out.println(
        "The items' bytes are not in the PDF: compare their SHA-256 with the documents the vault"
            + " holds.");
    out.flush();
    return OfflineCheck.VALID;
  }

  private int manifest(PrintWriter out, byte[] bytes, Ed25519PublicKeyParameters key) {
    Manifest.Result result = Manifest.verify(bytes, key);
    if (!result.valid()) {
      return OfflineCheck.invalid(out, result.reason());
    }
    OfflineCheck.valid(out, printable(result.reason()));
    items(out, result.contents());
    if (result.contents().packageSha256() != null) {
      out.println("Package SHA-256: " + result.contents().packageSha256());
    }
    out.flush();
    return OfflineCheck.VALID;
  }

  private static void items(PrintWriter out, Manifest.Contents contents) {
    if (contents.header().caseReference() != null) {
      out.println("Case reference: " + printable(contents.header().caseReference()));
    }
    for (Manifest.Item item : contents.items()) {
      out.println(
          "  "
              + item.n()
              + ". "
              + item.sha256()
              + "  "
              + printable(
                  item.documentType() + ": " + item.title() + " (v" + item.versionNo() + ")")
              + (item.location() == null ? "" : ", " + printable(item.location())));
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String printable(String text) {
    return OfflineCheck.printable(text);
  }
}

package org.zhusan.vault.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.zhusan.vault.records.certificate.CertificatePdf;
import org.zhusan.vault.records.certificate.CertificateVerifier;
import org.zhusan.vault.records.certificate.DestructionCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code verify-certificate}: checks a certificate of destruction offline against the vault's
 * published Ed25519 public key (the access log's key, the same file {@code verify-log} takes). The
 * file may be the signed JSON or the PDF, whose attached {@code certificate.json} is checked.
 *
 * <p>Prints one line, {@code VALID: …} with what was destroyed and by whom, or {@code INVALID:
 * <why>}, and exits 0 when valid, 1 when not, 2 on a command-line error or when a file cannot be
 * read. Runs entirely offline.
 *
 * <p>Not thread-safe (picocli injects the options into the instance); create one per run.
 */
@Command(
    name = "verify-certificate",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies a certificate of destruction (the signed .json, or the .pdf with it attached)"
          + " offline against the vault's published Ed25519 public key.",
      "Any change to the signed file, down to one byte, makes it INVALID."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the certificate is valid and signed by the given key",
      "1:the certificate is not valid",
      "2:invalid command line, or a file could not be read"
    })
public final class VerifyCertificateCommand extends SignedFileCommand {

  /** Largest file read: certificates are a few KiB, their PDFs well under a MiB. */
  static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The certificate: the signed JSON file, or the PDF (its certificate.json).")
  private Path file;

  /** Creates the command. */
  public VerifyCertificateCommand() {
    super("verify-certificate");
  }

  @Override
  int check(PrintWriter out, PrintWriter err, Ed25519PublicKeyParameters publicKey) {
    byte[] bytes;
    try {
      bytes = OfflineCheck.read(file, MAX_FILE_BYTES);
    } catch (IOException | IllegalArgumentException e) {
      return usageError(err, "cannot read " + file + ": " + e.getMessage());
    }

    byte[] certificate;
    try {
      certificate = OfflineCheck.fileOrAttachment(bytes, CertificatePdf::attachedCertificate);
    } catch (IllegalArgumentException e) {
      return OfflineCheck.invalid(out, e.getMessage());
    }

    CertificateVerifier.Result result = CertificateVerifier.verify(certificate, publicKey);
    if (!result.valid()) {
      return OfflineCheck.invalid(out, result.reason());
    }
    DestructionCertificate c = result.certificate();
    int n = c.versionCount();
    OfflineCheck.valid(
        out,
        "certificate "
            + c.id()
            + " for document "
            + c.documentId()
            + " ("
            + n
            + (n == 1 ? " version" : " versions")
            + "), proposed by "
            + printable(c.proposedBy())
            + ", approved by "
            + printable(c.approvedBy())
            + ", signed by key "
            + result.keyId());
    out.flush();
    return OfflineCheck.VALID;
  }

  /** Shows control characters from the file as escapes, so a name cannot rewrite the terminal. */
  static String printable(String text) {
    return OfflineCheck.printable(text);
  }
}

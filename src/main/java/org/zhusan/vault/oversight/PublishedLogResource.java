package org.zhusan.vault.oversight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.audit.AuditStore;
import org.zhusan.vault.audit.Checkpoints;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.verify.ExportFormat;
import org.zhusan.vault.audit.witness.C2spCheckpoints;
import org.zhusan.vault.audit.witness.NoteSignature;
import org.zhusan.vault.audit.witness.SignedNote;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * {@code /api/audit/published}: what an auditor takes away to verify an export offline with {@code
 * verify-log}: the log's Ed25519 public key (X.509 PEM, as {@code openssl pkey -pubout} writes it,
 * for {@code --public-key}) and the latest signed checkpoint as one export line (for {@code
 * --checkpoint} next time). AUDITOR; each download is recorded in the log. The key is only as
 * trustworthy as the channel: compare it with the copy the administrator published elsewhere.
 */
@Path("/audit/published")
@Audited
public class PublishedLogResource {
  @Inject Published service;

  @GET
  @Path("public-key")
  @Produces("application/x-pem-file")
  @Operation(summary = "The log's Ed25519 public key (PEM) that verifies its checkpoints (AUDITOR)")
  public Response publicKey() {
    return Response.ok(service.publicKeyPem(), "application/x-pem-file")
        .header("Content-Disposition", "attachment; filename=\"audit-signing-ed25519.pub.pem\"")
        .build();
  }

  @GET
  @Path("checkpoint")
  @Produces("application/json")
  @Operation(
      summary =
          "The latest signed checkpoint as one export line, for verify-log --checkpoint (AUDITOR)")
  public Response latestCheckpoint() {
    return Response.ok(service.latestCheckpointLine() + "\n", "application/json")
        .header("Content-Disposition", "attachment; filename=\"last-audit-checkpoint.json\"")
        .build();
  }

  @GET
  @Path("checkpoint.note")
  @Produces("text/plain")
  @Operation(
      summary =
          "The latest signed checkpoint as a C2SP note with the witnesses' cosignatures received"
              + " so far, for verify-log --checkpoint with --witness-key (AUDITOR)")
  public Response latestCheckpointNote() {
    return Response.ok(service.latestCheckpointNote(), "text/plain; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"last-audit-checkpoint.note\"")
        .build();
  }

  /** The transactional, audited side. */
  @ApplicationScoped
  @AuditedService
  public static class Published {
    @Inject Gatekeeper gatekeeper;
    @Inject Checkpoints checkpoints;
    @Inject AuditStore store;

    @Transactional
    public String publicKeyPem() {
      gatekeeper.require(Action.LOG_READ, Target.log("public-key"));
      return pem(checkpoints.signer().verifier().publicKey());
    }

    @Transactional
    public String latestCheckpointLine() {
      gatekeeper.require(Action.LOG_READ, Target.log("checkpoint:latest"));
      List<SignedCheckpoint> all = store.checkpoints();
      if (all.isEmpty()) {
        throw VaultException.notFound("A signed checkpoint");
      }
      return ExportFormat.checkpointLine(all.get(all.size() - 1));
    }

    /**
     * The latest checkpoint (not the latest co-signed one: a log cut back must not be able to show
     * an older, still co-signed checkpoint instead) as a C2SP note, its stored cosignatures
     * appended.
     */
    @Transactional
    public String latestCheckpointNote() {
      gatekeeper.require(Action.LOG_READ, Target.log("checkpoint:latest-note"));
      SignedCheckpoint latest =
          store
              .latestCheckpoint()
              .orElseThrow(() -> VaultException.notFound("A signed checkpoint"));
      SignedNote note = C2spCheckpoints.toNote(latest, checkpoints.signer().verifier());
      List<NoteSignature> cosignatures =
          store.cosignatures(latest.checkpoint().size()).stream()
              .map(NoteSignature::parseLine)
              .toList();
      return note.withSignatures(cosignatures).format();
    }
  }

  /** X.509 SubjectPublicKeyInfo PEM of a raw Ed25519 public key, 64 characters a line. */
  static String pem(byte[] rawPublicKey) {
    try {
      byte[] der =
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                  new Ed25519PublicKeyParameters(rawPublicKey, 0))
              .getEncoded();
      String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
      return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

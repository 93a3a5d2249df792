package org.zhusan.vault.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.records.certificate.CertificatePdf;

/**
 * Certificates of destruction as issued: the signed JSON file, and a PDF rendering of it that
 * carries the file as an attachment. Read by those who propose or approve disposition in the
 * document's centre and by auditors; every read is in the access log.
 */
@ApplicationScoped
@AuditedService
public class Certificates {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject RecordsPolicy policy;

  /** The signed certificate file (canonical JSON + signature). */
  @Transactional
  public byte[] json(UUID id) {
    return authorised(id).signedFile();
  }

  /** The certificate as a PDF for people, with the signed file attached. */
  @Transactional
  public byte[] pdf(UUID id) {
    byte[] file = authorised(id).signedFile();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CertificatePdf.render(file, out);
    } catch (IOException e) {
      throw VaultException.unavailable(
          "pdf-failed", "The certificate could not be rendered as PDF; download the JSON file.");
    }
    return out.toByteArray();
  }

  private CertificateRecord authorised(UUID id) {
    CertificateRecord c = em.find(CertificateRecord.class, id);
    if (c == null) {
      gatekeeper.recordNotFound(Action.CERTIFICATE_READ, Target.certificate(id));
      throw VaultException.notFound("The certificate");
    }
    String centre = em.find(Disposition.class, c.dispositionId()).centre();
    gatekeeper.enforceDecision(
        policy.read(gatekeeper.caller(), centre),
        Action.CERTIFICATE_READ,
        Target.certificate(id),
        centre,
        null);
    return c;
  }
}

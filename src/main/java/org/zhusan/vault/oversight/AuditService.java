package org.zhusan.vault.oversight;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.audit.AuditFilter;
import org.zhusan.vault.audit.AuditStore;
import org.zhusan.vault.audit.Checkpoints;
import org.zhusan.vault.audit.Progress;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.audit.tree.ConsistencyProofs;
import org.zhusan.vault.audit.tree.InclusionProofs;
import org.zhusan.vault.audit.tree.ProofVerifier;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.tree.TiledTree;
import org.zhusan.vault.audit.verify.ExportFormat;
import org.zhusan.vault.audit.verify.OfflineLogVerifier;
import org.zhusan.vault.audit.verify.VerificationReport;
import org.zhusan.vault.oversight.AuditViews.CheckpointView;
import org.zhusan.vault.oversight.AuditViews.ConsistencyProofView;
import org.zhusan.vault.oversight.AuditViews.EntryView;
import org.zhusan.vault.oversight.AuditViews.InclusionProofView;
import org.zhusan.vault.oversight.AuditViews.Summary;
import org.zhusan.vault.oversight.AuditViews.VerificationView;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;

/** Auditor use cases over the access log. Each call is itself recorded in the log. */
@ApplicationScoped
@org.zhusan.vault.access.AuditedService
public class AuditService {
  @Inject AuditStore store;
  @Inject Checkpoints checkpoints;
  @Inject Gatekeeper gatekeeper;

  @Resource ManagedExecutorService executor;

  @Transactional
  public Page<EntryView> query(AuditFilter filter, PageRequest page) {
    gatekeeper.require(Action.LOG_READ, Target.log("query"));
    List<EntryView> items =
        store.query(filter, page.offset(), page.limit()).stream().map(EntryView::of).toList();
    // The whole log is counted by its head (sequences have no gaps), not by scanning a million
    // rows.
    return new Page<>(
        items, page.offset(), page.limit(), filter.isAll() ? store.size() : store.count(filter));
  }

  @Transactional
  public List<CheckpointView> checkpoints() {
    gatekeeper.require(Action.LOG_READ, Target.log("checkpoints"));
    return store.checkpoints().stream().map(CheckpointView::of).toList();
  }

  @Transactional
  public CheckpointView checkpointNow() {
    gatekeeper.require(Action.LOG_CHECKPOINT, Target.log("checkpoint"));
    return CheckpointView.of(checkpoints.create());
  }

  @Transactional
  public InclusionProofView inclusion(String indexParam, String treeSizeParam) {
    // Decided before the parameters are read: whoever may not read the log learns nothing of them.
    gatekeeper.require(Action.LOG_READ, Target.log("inclusion-proof"));
    long index = number("sequence", indexParam);
    long treeSize = number("treeSize", treeSizeParam);
    if (treeSize < 1 || index < 0 || index >= treeSize) {
      throw VaultException.badRequest(
          "invalid-proof-request", "Need 0 <= sequence < treeSize and treeSize >= 1.");
    }
    requireSigned(treeSize);
    TiledTree tree = store.tree(treeSize);
    List<byte[]> proof = new InclusionProofs(tree).inclusionProof(index, treeSize);
    byte[] leaf = tree.leafHash(index); // in the tile the proof has just read
    // The root folded from the proof, not read again: the right edge of the tree would cost a few
    // more range reads per request, and the proof's own root is what a client recomputes anyway.
    byte[] root;
    try {
      root = ProofVerifier.rfc9162().rootFromInclusionProof(index, treeSize, leaf, proof);
    } catch (org.zhusan.vault.audit.tree.InvalidProofException e) {
      // The proof was just built for this index and size: its shape cannot be wrong.
      throw new IllegalStateException(e);
    }
    return new InclusionProofView(
        index, treeSize, b64(leaf), proof.stream().map(AuditService::b64).toList(), b64(root));
  }

  @Transactional
  public ConsistencyProofView consistency(String firstParam, String secondParam) {
    gatekeeper.require(Action.LOG_READ, Target.log("consistency-proof"));
    long first = number("first", firstParam);
    long second = number("second", secondParam);
    if (first < 1 || first > second) {
      throw VaultException.badRequest("invalid-proof-request", "Need 1 <= first <= second.");
    }
    requireSigned(second);
    TiledTree tree = store.tree(second);
    List<byte[]> proof = new ConsistencyProofs(tree).consistencyProof(first, second);
    return new ConsistencyProofView(
        first,
        second,
        b64(tree.hash(0, first)),
        b64(tree.rootHash()),
        proof.stream().map(AuditService::b64).toList());
  }

  /**
   * Proofs are served for trees no larger than the latest signed checkpoint. A proof is only worth
   * something against a signed root, and every perfect subtree under that size is stored, so a
   * proof reads O(log n) rows; above it the subtrees are not stored yet and a proof would fold
   * every entry since that checkpoint (about a second per 100,000 entries).
   */
  private void requireSigned(long treeSize) {
    long signed = store.largestCheckpointSize();
    if (treeSize > signed) {
      throw VaultException.conflict(
          "proof-size-not-signed",
          "Proofs are for trees up to "
              + signed
              + " entries, the size of the latest signed checkpoint; sign one (POST"
              + " /api/audit/checkpoints) to prove newer entries.");
    }
  }

  /**
   * Writes the whole log as a verifiable JSON Lines export: every entry as stored (even where it
   * was tampered with: the export must show what is there), each stored checkpoint after the entry
   * that reaches its size, and, if the log still verifies, a fresh checkpoint of the full size at
   * the end. Streams with a database cursor.
   */
  /**
   * Proof that an export was authorised and recorded. Only {@link #authorizeExport} makes one and
   * {@link #export} needs one, so no caller can stream the log without the check and its entry.
   */
  public static final class ExportPermit {
    private final AuditFilter filter;
    private final boolean csv;
    private final boolean binary;

    private ExportPermit(AuditFilter filter, boolean csv, boolean binary) {
      this.filter = filter;
      this.csv = csv;
      this.binary = binary;
    }

    /**
     * The whole log as a verifiable JSON Lines export (rather than filtered entries with proofs).
     */
    boolean whole() {
      return filter.isAll() && !csv && !binary;
    }
  }

  /** Proof that an online verification was authorised and recorded; see {@link ExportPermit}. */
  public static final class VerifyPermit {
    private VerifyPermit() {}
  }

  /**
   * The whole log as {@link #export} streams it, for a verification the permit authorised,
   * reporting how far the check that precedes signing has come.
   */
  @Transactional
  public Optional<String> exportForVerification(
      VerifyPermit permit, Writer out, Progress checking) {
    Objects.requireNonNull(permit, "permit is required.");
    return exportAll(ExportSink.jsonLines(out), checking, Checkpoints.Scope.WHOLE_LOG);
  }

  /** Streams the export the permit was issued for. */
  @Transactional
  public void export(ExportPermit permit, Writer out) {
    if (permit.binary) {
      throw new IllegalArgumentException("a binary export permit streams through exportBinary");
    }
    if (permit.whole()) {
      exportAll(ExportSink.jsonLines(out), Progress.NONE, Checkpoints.Scope.SINCE_LAST_CHECKPOINT);
    } else {
      exportFiltered(permit.filter, permit.csv, out);
    }
  }

  /**
   * Streams the whole log as a binary export ({@code BinaryExportFormat}): the same entries and
   * checkpoints as the JSON Lines export, each entry as its canonical encoding.
   */
  @Transactional
  public void exportBinary(ExportPermit permit, OutputStream out) {
    if (!permit.binary || !permit.filter.isAll()) {
      throw new IllegalArgumentException("the permit is not for a binary export of the whole log");
    }
    try {
      exportAll(
          ExportSink.binary(out, checkpoints.origin()),
          Progress.NONE,
          Checkpoints.Scope.SINCE_LAST_CHECKPOINT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The whole log as stored, with its checkpoints. When a fresh checkpoint was signed, the export
   * is the log that checkpoint covers and nothing more: entries other requests append while the log
   * is being checked and signed would otherwise follow the last checkpoint as an unsigned tail, and
   * a checkpoint another caller signs meanwhile could be larger than the export. Entries appended
   * since belong to the next export.
   *
   * @param checking told how far the check that precedes signing has come
   * @param scope what that check covers: the whole log for a verification, else what is new
   * @return the problem that kept the check from signing, if any (some, such as a stored subtree
   *     hash that differs from the log, are not in the export for a verifier to find)
   */
  private Optional<String> exportAll(ExportSink out, Progress checking, Checkpoints.Scope scope) {
    Checkpoints.Signing signing = checkpoints.createIfConsistent(checking, scope);
    Optional<SignedCheckpoint> fresh = signing.signed();
    long end = fresh.map(c -> c.checkpoint().size()).orElse(Long.MAX_VALUE);
    List<SignedCheckpoint> stored =
        new ArrayList<>(
            store.checkpoints().stream().filter(c -> c.checkpoint().size() <= end).toList());
    if (fresh.isPresent()
        && (stored.isEmpty() || stored.get(stored.size() - 1).checkpoint().size() != end)) {
      // Signed by us, but another caller's checkpoint of the same size won the insert and is not
      // visible yet.
      stored.add(fresh.get());
    }
    long size = store.size();
    int[] next = {0};
    try {
      writeCheckpointsUpTo(out, stored, next, 0);
      store.forEach(
          0,
          end,
          e -> {
            try {
              writeCheckpointsUpTo(out, stored, next, e.sequence());
              out.entry(e);
              writeCheckpointsUpTo(out, stored, next, e.sequence() + 1);
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          });
      writeCheckpointsUpTo(out, stored, next, Long.MAX_VALUE);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (fresh.isEmpty()) {
      java.util.logging.Logger.getLogger(AuditService.class.getName())
          .warning(
              "Exported an access log of "
                  + size
                  + " entries that does not verify; no fresh checkpoint added");
    }
    return signing.problem();
  }

  private static void writeCheckpointsUpTo(
      ExportSink out, List<SignedCheckpoint> stored, int[] next, long size) throws IOException {
    while (next[0] < stored.size() && stored.get(next[0]).checkpoint().size() <= size) {
      out.checkpoint(stored.get(next[0]++));
    }
  }

  /**
   * A filtered export: matching entries, each with its leaf hash and an inclusion proof against a
   * fresh signed checkpoint, which is written first. JSON Lines or CSV.
   */
  private void exportFiltered(AuditFilter filter, boolean csv, Writer out) {
    SignedCheckpoint cp = checkpoints.create();
    long size = cp.checkpoint().size();
    // One tree for the whole stream: its small tile cache bounds memory however many entries match.
    TiledTree tree = store.tree(size);
    InclusionProofs proofs = new InclusionProofs(tree);
    try {
      if (csv) {
        out.write(AuditCsv.HEADER);
        out.write('\n');
        out.write(
            "# checkpoint "
                + CheckpointView.of(cp).note().replace("\n", "\\n")
                + " signature "
                + Base64.getEncoder().encodeToString(cp.signature())
                + "\n");
      } else {
        out.write(ExportFormat.checkpointLine(cp));
        out.write('\n');
      }
      store.forEachMatching(
          filter,
          e -> {
            if (e.sequence() >= size) {
              return;
            }
            List<String> proof =
                proofs.inclusionProof(e.sequence(), size).stream().map(AuditService::b64).toList();
            try {
              if (csv) {
                out.write(AuditCsv.row(e, b64(tree.leafHash(e.sequence())), proof));
              } else {
                out.write(AuditCsv.proofLine(e, b64(tree.leafHash(e.sequence())), size, proof));
              }
              out.write('\n');
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          });
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records the export request (the export itself then streams outside this transaction). */
  @Transactional
  public ExportPermit authorizeExport(AuditFilter filter, boolean csv) {
    return authorizeExport(filter, csv ? "csv" : "jsonl");
  }

  /**
   * Records the export request for {@code format} ({@code jsonl}, {@code csv} or {@code bin}; the
   * caller has checked it, and that {@code bin} comes without filters).
   */
  @Transactional
  public ExportPermit authorizeExport(AuditFilter filter, String format) {
    gatekeeper.require(
        Action.LOG_EXPORT,
        Target.log("export:" + format + (filter.isAll() ? ":all" : ":filtered")));
    return new ExportPermit(filter, format.equals("csv"), format.equals("bin"));
  }

  /** The same check the offline verifier does, run on the server over a fresh export. */
  public VerificationView verifyOnline(VerifyPermit permit, AuditService self) {
    Objects.requireNonNull(permit, "permit is required.");
    ChunkPipe pipe = new ChunkPipe();
    try (java.io.Reader reader = pipe.reader) {
      Future<Optional<String>> producer =
          executor.submit(
              () -> {
                try (Writer w = pipe.writer) {
                  return self.exportForVerification(permit, w, Progress.NONE);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      VerificationReport report =
          new OfflineLogVerifier(checkpoints.signer().verifier()).verify(reader);
      // Read to its end only when the verifier found nothing; otherwise its finding comes first.
      Optional<String> serverProblem = report.ok() ? checkProblem(producer) : Optional.empty();
      producer.cancel(true);
      return new VerificationView(
          report.ok() && serverProblem.isEmpty(),
          report.entriesChecked(),
          report.checkpointsChecked(),
          report.signedSize(),
          report
              .problem()
              .map(Object::toString)
              .or(() -> serverProblem.map(p -> CHECK_PROBLEM + p))
              .orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How a problem only the server's check before signing found is introduced in a report. */
  public static final String CHECK_PROBLEM = "the server's check before signing: ";

  /** The problem the export's check before signing reported, once the export has ended. */
  static Optional<String> checkProblem(Future<Optional<String>> producer) {
    try {
      return producer.get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException
        | java.util.concurrent.CancellationException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Transactional
  public VerifyPermit authorizeVerify() {
    gatekeeper.require(Action.LOG_VERIFY, Target.log("verify"));
    return new VerifyPermit();
  }

  /** Who touched this subject (or document), when and why; or what this user touched. */
  @Transactional
  public Summary summary(AuditFilter filter, String key, boolean byUser) {
    gatekeeper.require(Action.LOG_READ, Target.log("summary:" + (byUser ? "user" : "target")));
    Map<String, Long> byAction = new TreeMap<>();
    Map<String, Long> byOutcome = new TreeMap<>();
    Map<String, Long> byCounterpart = new LinkedHashMap<>();
    List<EntryView> recent = new ArrayList<>();
    long[] count = {0};
    java.time.Instant[] span = new java.time.Instant[2];
    store.forEachMatching(
        filter,
        e -> {
          count[0]++;
          byAction.merge(e.action(), 1L, Long::sum);
          byOutcome.merge(e.outcome(), 1L, Long::sum);
          byCounterpart.merge(
              byUser
                  ? String.valueOf(e.targetType()) + ":" + e.targetId()
                  : e.userId() + " (" + e.role() + ")",
              1L,
              Long::sum);
          if (span[0] == null) {
            span[0] = e.occurredAt();
          }
          span[1] = e.occurredAt();
          recent.add(EntryView.of(e));
          if (recent.size() > 100) {
            recent.remove(0);
          }
        });
    return new Summary(key, count[0], span[0], span[1], byAction, byOutcome, byCounterpart, recent);
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  static Writer utf8(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  static byte[] leaf(AuditEntry e) {
    return AuditEntryEncoding.leafHash(e);
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw VaultException.badRequest("invalid-proof-request", name + " must be a whole number.");
    }
  }
}

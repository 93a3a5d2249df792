package org.zhusan.vault.audit.verify;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CheckpointVerifier;
import org.zhusan.vault.audit.tree.CompactRange;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.verify.Finding.Kind;

/**
 * Verifies an access-log export — JSON Lines ({@link ExportFormat}) or binary ({@link
 * BinaryExportFormat}) — offline, with only the log's Ed25519 public key (and, optionally, a
 * trusted checkpoint the auditor obtained elsewhere).
 *
 * <p>Both formats are read into the same items, an entry as a {@link CanonicalEntry} (its canonical
 * encoding: a JSON line is decoded and encoded once, a binary record already is it) or a signed
 * checkpoint, and one set of rules below runs on them; so the two formats give the same findings at
 * the same positions (binary record numbers equal JSON line numbers). The binary path skips JSON
 * parsing and re-encoding, which is most of the JSON path's cost.
 *
 * <p>It reads the export once, as a stream, holding O(log n) state (a {@link CompactRange}, the
 * last leaf hash and chain link, and a look-ahead of at most {@value #MAX_LOOKAHEAD_LINES} lines of
 * at most {@value #MAX_LINE_CHARS} characters), so exports of millions of entries verify in
 * constant memory. It stops at the first problem and returns it as a {@link Finding} in the {@link
 * VerificationReport}.
 *
 * <h2>What is checked, per line</h2>
 *
 * <ol>
 *   <li>Every line parses strictly ({@link Kind#MALFORMED_LINE}).
 *   <li>Entry sequence numbers start at 0 and go up by one.
 *   <li>Each entry's {@code previousLeafHash} equals the recomputed leaf hash of the entry before
 *       it (32 zero bytes for entry 0).
 *   <li>Each checkpoint's signature verifies, its origin is the same as the other checkpoints', it
 *       directly follows the entry that reaches its size, and its root equals the root recomputed
 *       from the entries.
 *   <li>At the end: no signed checkpoint (from the export or the trusted one) is larger than the
 *       export, and the last checkpoint covers every entry.
 * </ol>
 *
 * <h2>Which entry a finding names</h2>
 *
 * <p>Let {@code n} be the number of entries accepted so far, so the next entry E should be entry
 * {@code n}, and let N be the entry after E (looked ahead).
 *
 * <p><b>Sequence rules</b> (an attacker who edits lines without renumbering):
 *
 * <ul>
 *   <li>E claims sequence {@code s > n}: if N claims {@code n}, entry {@code n} comes late: {@link
 *       Kind#ENTRIES_REORDERED} naming {@code n}; otherwise {@link Kind#ENTRY_REMOVED} naming
 *       {@code n … s-1} (removed, or moved further down).
 *   <li>E claims {@code s < n}: sequence {@code s} was already seen: {@link Kind#ENTRY_INSERTED}
 *       naming {@code s}.
 * </ul>
 *
 * <p><b>Chain rules</b> (E claims sequence {@code n} but its link is not the leaf hash of entry
 * {@code n-1}). The chain link of N is the original hash of N's original predecessor, so comparing
 * it with recomputed hashes tells what happened; the first matching rule wins:
 *
 * <ol>
 *   <li>N links to entry {@code n-1}: E does not belong there. If E's link is the hash of N
 *       renumbered to {@code n}, the two were swapped: {@link Kind#ENTRIES_REORDERED} naming {@code
 *       n, n+1}; otherwise E was inserted: {@link Kind#ENTRY_INSERTED} naming {@code n}.
 *   <li>E links to the same predecessor as entry {@code n-1}: one of the two was inserted; if N
 *       links to E renumbered to {@code n-1}, E is the original and entry {@code n-1} the intruder
 *       ({@link Kind#ENTRY_INSERTED} naming {@code n-1}), otherwise both are named.
 *   <li>N links to E with E's link set to the right value: E's link field was edited: {@link
 *       Kind#ENTRY_ALTERED} naming {@code n}.
 *   <li>N links to E as it is (the chain break is isolated): entry {@code n-1} no longer hashes to
 *       what E recorded: {@link Kind#ENTRY_ALTERED} naming {@code n-1}.
 *   <li>N links to E renumbered to {@code n+1}: E is the original entry {@code n+1}; entry {@code
 *       n} was removed and later entries renumbered: {@link Kind#ENTRY_REMOVED} naming {@code n}.
 *   <li>Otherwise (or with no N to look at): {@link Kind#CHAIN_BROKEN} naming {@code n-1} and
 *       {@code n}, the earliest entries that may have changed.
 * </ol>
 *
 * <p><b>Checkpoint rules.</b> An attacker who rewrites the chain after a change leaves no chain
 * break; only a signed root betrays it. A mismatching root yields {@link
 * Kind#CHECKPOINT_ROOT_MISMATCH} naming the checkpoint and the range from the last matching
 * checkpoint's size to this one's size minus one, where the earliest change must lie (unless the
 * chain breaks right after the checkpoint, in which case the chain rules name the entry). Sign
 * checkpoints often to narrow that range. Signed checkpoints larger than the export yield {@link
 * Kind#TRUNCATED} (or {@link Kind#ENTRY_REMOVED} if entries follow), entries after the last
 * checkpoint {@link Kind#UNSIGNED_TAIL}. Removing checkpoint lines together with the tail cannot be
 * told apart from a shorter log, except by a trusted checkpoint kept from an earlier export: pass
 * it with {@link #withTrustedCheckpoint}.
 *
 * <p>Thread safety: immutable; each {@link #verify} call keeps its own state, so one instance may
 * verify several exports concurrently.
 */
public final class OfflineLogVerifier {

  /** Longest line accepted, in characters; longer lines are reported as malformed. */
  public static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

  /** Most lines read ahead to find the successor of an entry. */
  public static final int MAX_LOOKAHEAD_LINES = 16;

  private static final byte[] ZERO_HASH = AuditEntry.genesisPreviousLeafHash();

  private final CheckpointVerifier keys;
  private final SignedCheckpoint trusted;

  /** Creates a verifier checking checkpoint signatures with {@code keys}. */
  public OfflineLogVerifier(CheckpointVerifier keys) {
    this(keys, null);
  }

  private OfflineLogVerifier(CheckpointVerifier keys, SignedCheckpoint trusted) {
    this.keys = Objects.requireNonNull(keys, "keys is required.");
    this.trusted = trusted;
  }

  /**
   * Returns a verifier that also requires the export to extend {@code trusted}, a signed checkpoint
   * the auditor kept from an earlier export or received from a witness: the export must hold at
   * least {@code trusted.size} entries whose root at that size is {@code trusted.rootHash}, and
   * every checkpoint must have its origin.
   */
  public OfflineLogVerifier withTrustedCheckpoint(SignedCheckpoint trusted) {
    return new OfflineLogVerifier(keys, Objects.requireNonNull(trusted, "trusted is required."));
  }

  /**
   * Verifies the export in {@code file}: binary ({@link BinaryExportFormat}) if it starts with the
   * binary magic bytes, JSON Lines (UTF-8) otherwise.
   */
  public VerificationReport verify(Path file) throws IOException {
    Objects.requireNonNull(file, "file is required.");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      byte[] prefix = new byte[BinaryExportFormat.magic().length];
      in.mark(prefix.length);
      int n = in.readNBytes(prefix, 0, prefix.length);
      in.reset();
      if (BinaryExportFormat.startsWithMagic(prefix, n)) {
        return verifyBinary(in);
      }
      return verify(
          new InputStreamReader(
              in,
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }
  }

  /**
   * Verifies the JSON Lines export read from {@code export} (not closed).
   *
   * @throws IOException only if reading fails; every problem with the content is a finding
   */
  public VerificationReport verify(Reader export) throws IOException {
    Objects.requireNonNull(export, "export is required.");
    return new Run(new JsonLinesSource(export), "line", null).run();
  }

  /**
   * Verifies the binary export ({@link BinaryExportFormat}) read from {@code export} (not closed),
   * with the same checks and findings as {@link #verify(Reader)}; positions are record numbers,
   * which equal the line numbers of the same export in JSON Lines. A bad header is a {@link
   * Kind#MALFORMED_LINE} finding at position 0.
   *
   * @throws IOException only if reading fails; every problem with the content is a finding
   */
  public VerificationReport verifyBinary(InputStream export) throws IOException {
    Objects.requireNonNull(export, "export is required.");
    BinaryExportReader reader;
    try {
      reader = BinaryExportReader.open(export);
    } catch (MalformedExportException e) {
      Finding bad =
          new Finding(
              Kind.MALFORMED_LINE,
              0,
              null,
              null,
              "the export header is invalid: " + e.getMessage());
      return new VerificationReport(0, 0, 0, Optional.of(bad));
    }
    return new Run(new BinarySource(reader), "record", reader.origin()).run();
  }

  /** One line or record of the export, parsed or not. */
  private record Item(long line, ExportRecord parsed, String error) {
    Optional<CanonicalEntry> entry() {
      return parsed instanceof ExportRecord.EntryRecord e
          ? Optional.of(e.entry())
          : Optional.empty();
    }
  }

  /** Where a run's items come from: the lines or the records of an export. */
  private interface ItemSource {
    /** Returns the next item, or null at the end of the export. */
    Item read() throws IOException;
  }

  /** The items of a JSON Lines export: each line parsed strictly, its entry encoded once. */
  private static final class JsonLinesSource implements ItemSource {
    private final LineReader lines;
    private boolean endOfInput;

    JsonLinesSource(Reader export) {
      this.lines = new LineReader(export);
    }

    @Override
    public Item read() throws IOException {
      if (endOfInput) {
        return null;
      }
      String text;
      try {
        text = lines.readLine();
      } catch (LineReader.LineTooLongException e) {
        endOfInput = true;
        return new Item(lines.lineNumber(), null, "longer than " + MAX_LINE_CHARS + " characters");
      } catch (CharacterCodingException e) {
        endOfInput = true;
        return new Item(lines.lineNumber() + 1, null, "not valid UTF-8");
      }
      if (text == null) {
        endOfInput = true;
        return null;
      }
      try {
        return new Item(lines.lineNumber(), ExportRecord.of(ExportFormat.parseLine(text)), null);
      } catch (IllegalArgumentException e) {
        return new Item(lines.lineNumber(), null, e.getMessage());
      }
    }
  }

  /** The items of a binary export: records whose entries are checked but not decoded. */
  private static final class BinarySource implements ItemSource {
    private final BinaryExportReader records;

    BinarySource(BinaryExportReader records) {
      this.records = records;
    }

    @Override
    public Item read() throws IOException {
      try {
        ExportRecord record = records.next();
        return record == null ? null : new Item(records.recordNumber(), record, null);
      } catch (MalformedExportException e) {
        return new Item(e.record(), null, e.getMessage());
      }
    }
  }

  /** The state of one verification. */
  private final class Run {
    private final ItemSource source;
    private final String unit; // "line" or "record"
    private final ArrayDeque<Item> ahead = new ArrayDeque<>();
    private final CompactRange range = MerkleTree.rfc9162().newCompactRange();

    private long n; // entries accepted
    private byte[] lastLeaf = ZERO_HASH; // leaf hash of entry n-1, zeros before entry 0
    private CanonicalEntry last; // entry n-1
    private long checkpoints;
    private long lastMatchedSize; // size of the last checkpoint whose root matched
    private long signedSize;
    private boolean anyCheckpoint;
    private String origin;

    /**
     * @param origin the log's name as the export's header states it (binary), which the checkpoints
     *     must then carry like a first checkpoint's; null if the format has none
     */
    Run(ItemSource source, String unit, String origin) {
      this.source = source;
      this.unit = unit;
      this.origin = origin;
    }

    VerificationReport run() throws IOException {
      Finding problem = start();
      Item item;
      while (problem == null && (item = nextItem()) != null) {
        if (item.error() != null) {
          problem =
              finding(
                  Kind.MALFORMED_LINE,
                  item.line(),
                  null,
                  null,
                  unit
                      + " "
                      + item.line()
                      + " is not a valid export "
                      + unit
                      + " (entry "
                      + n
                      + " or a checkpoint was expected): "
                      + item.error());
        } else if (item.parsed() instanceof ExportRecord.EntryRecord e) {
          problem = onEntry(item.line(), e.entry());
        } else if (item.parsed() instanceof ExportRecord.CheckpointRecord c) {
          problem = onCheckpoint(item.line(), c.checkpoint());
        }
      }
      if (problem == null) {
        problem = atEnd();
      }
      return new VerificationReport(n, checkpoints, signedSize, Optional.ofNullable(problem));
    }

    private Finding start() throws IOException {
      if (trusted == null) {
        return null;
      }
      long size = trusted.checkpoint().size();
      if (!keys.verify(trusted)) {
        return finding(
            Kind.CHECKPOINT_BAD_SIGNATURE,
            0,
            null,
            size,
            "the trusted checkpoint for size "
                + size
                + " has an invalid signature for this public key");
      }
      origin = trusted.checkpoint().origin(); // the signed name wins over a header
      return size == 0 ? checkTrusted(0) : null;
    }

    private Finding onEntry(long line, CanonicalEntry entry) throws IOException {
      long s = entry.sequence();
      if (s > n) {
        Optional<CanonicalEntry> next = peekEntry(0).flatMap(Item::entry);
        if (next.isPresent() && next.get().sequence() == n) {
          return finding(
              Kind.ENTRIES_REORDERED,
              line,
              EntryRange.of(n),
              null,
              "entry "
                  + n
                  + " appears after entry "
                  + s
                  + " ("
                  + at(line)
                  + "): entries are out of order");
        }
        EntryRange missing = new EntryRange(n, s - 1);
        return finding(
            Kind.ENTRY_REMOVED,
            line,
            missing,
            null,
            capitalize(missing.toString())
                + (missing.first() == missing.last() ? " is" : " are")
                + " missing: "
                + at(line)
                + " holds entry "
                + s
                + " where entry "
                + n
                + " was expected (removed, or moved further down)");
      }
      if (s < n) {
        return finding(
            Kind.ENTRY_INSERTED,
            line,
            EntryRange.of(s),
            null,
            "a second entry with sequence "
                + s
                + " appears at "
                + at(line)
                + ", after entry "
                + (n - 1)
                + ": an entry was inserted (or duplicated)");
      }
      if (!entry.linksTo(lastLeaf)) {
        return diagnoseBrokenLink(line, entry, 0, null);
      }
      byte[] leaf = entry.leafHash();
      range.append(leaf);
      lastLeaf = leaf;
      last = entry;
      n++;
      if (trusted != null && n == trusted.checkpoint().size()) {
        return checkTrusted(line);
      }
      return null;
    }

    /**
     * Names the culprit when {@code e}, claiming sequence n, does not link to entry n-1. Its
     * successor is the look-ahead entry number {@code successor}.
     */
    private Finding diagnoseBrokenLink(
        long line, CanonicalEntry e, int successor, Long checkpointSize) throws IOException {
      Optional<CanonicalEntry> next = peekEntry(successor).flatMap(Item::entry);
      CanonicalEntry nx = next.orElse(null);
      String also =
          checkpointSize == null
              ? ""
              : " (so the checkpoint for size " + checkpointSize + " does not match either)";

      if (nx != null && nx.linksTo(lastLeaf)) {
        if (e.linksTo(nx.leafHashAs(n))) {
          return finding(
              Kind.ENTRIES_REORDERED,
              line,
              new EntryRange(n, n + 1),
              checkpointSize,
              "entries "
                  + n
                  + " and "
                  + (n + 1)
                  + " were swapped: each carries the other's chain link"
                  + also);
        }
        return finding(
            Kind.ENTRY_INSERTED,
            line,
            EntryRange.of(n),
            checkpointSize,
            "entry "
                + n
                + " was inserted: it does not link to "
                + predecessor(n - 1)
                + ", but the entry after it does"
                + also);
      }
      if (n > 0 && last.linksTo(e.link())) {
        if (nx != null && nx.linksTo(e.leafHashAs(n - 1))) {
          return finding(
              Kind.ENTRY_INSERTED,
              line,
              EntryRange.of(n - 1),
              checkpointSize,
              "entry "
                  + (n - 1)
                  + " was inserted: the entry now numbered "
                  + n
                  + " is the original entry "
                  + (n - 1)
                  + " (both link to "
                  + predecessor(n - 2)
                  + ") and later entries were renumbered"
                  + also);
        }
        return finding(
            Kind.ENTRY_INSERTED,
            line,
            new EntryRange(n - 1, n),
            checkpointSize,
            "entries "
                + (n - 1)
                + " and "
                + n
                + " both link to the same predecessor: one of them was inserted"
                + also);
      }
      if (nx != null && nx.linksTo(e.leafHashWithLink(lastLeaf))) {
        return finding(
            Kind.ENTRY_ALTERED,
            line,
            EntryRange.of(n),
            checkpointSize,
            "the previousLeafHash of entry " + n + " was altered" + also);
      }
      if (nx != null && nx.linksTo(e.leafHash())) {
        if (n == 0) {
          return finding(
              Kind.ENTRY_ALTERED,
              line,
              EntryRange.of(0),
              checkpointSize,
              "entry 0 was altered: its previousLeafHash must be 32 zero bytes" + also);
        }
        return finding(
            Kind.ENTRY_ALTERED,
            line,
            EntryRange.of(n - 1),
            checkpointSize,
            "entry "
                + (n - 1)
                + " was altered: it no longer hashes to the value entry "
                + n
                + " recorded"
                + also);
      }
      if (nx != null && nx.linksTo(e.leafHashAs(n + 1))) {
        return finding(
            Kind.ENTRY_REMOVED,
            line,
            EntryRange.of(n),
            checkpointSize,
            "entry "
                + n
                + " was removed and the later entries renumbered: the entry now numbered "
                + n
                + " is the original entry "
                + (n + 1)
                + also);
      }
      return finding(
          Kind.CHAIN_BROKEN,
          line,
          new EntryRange(Math.max(0, n - 1), n),
          checkpointSize,
          "entry "
              + n
              + " does not link to "
              + predecessor(n - 1)
              + ": "
              + (n == 0 ? "it" : "one of entries " + (n - 1) + " and " + n)
              + " was altered, or entries were "
              + "inserted or removed around it"
              + also);
    }

    private Finding onCheckpoint(long line, SignedCheckpoint signed) throws IOException {
      Checkpoint c = signed.checkpoint();
      long size = c.size();
      if (!keys.verify(signed)) {
        return finding(
            Kind.CHECKPOINT_BAD_SIGNATURE,
            line,
            null,
            size,
            "the checkpoint for size "
                + size
                + " ("
                + at(line)
                + ") has an invalid signature: it was forged or "
                + "altered, or signed with another key");
      }
      if (origin == null) {
        origin = c.origin();
      } else if (!origin.equals(c.origin())) {
        return finding(
            Kind.CHECKPOINT_WRONG_ORIGIN,
            line,
            null,
            size,
            "the checkpoint for size "
                + size
                + " ("
                + at(line)
                + ") is for log \""
                + c.origin()
                + "\", not \""
                + origin
                + "\"");
      }
      if (size > n) {
        EntryRange missing = new EntryRange(n, size - 1);
        if (peekEntry(0).isPresent()) {
          return finding(
              Kind.ENTRY_REMOVED,
              line,
              missing,
              size,
              "the checkpoint for size "
                  + size
                  + " ("
                  + at(line)
                  + ") is signed for "
                  + size
                  + " entries but only "
                  + n
                  + " precede it: "
                  + missing
                  + " were removed");
        }
        return finding(
            Kind.TRUNCATED,
            line,
            missing,
            size,
            "the export was truncated: the checkpoint for size "
                + size
                + " is signed for "
                + size
                + " entries, but the export ends after "
                + n
                + " entries; "
                + missing
                + " are missing");
      }
      if (size < n) {
        return finding(
            Kind.CHECKPOINT_OUT_OF_PLACE,
            line,
            new EntryRange(size, n - 1),
            size,
            "the checkpoint for size "
                + size
                + " ("
                + at(line)
                + ") appears after entry "
                + (n - 1)
                + ": entries "
                + size
                + " to "
                + (n - 1)
                + " were inserted before it, or it was moved");
      }
      byte[] root = range.rootHash();
      if (!MessageDigest.isEqual(root, c.rootHash())) {
        return rootMismatch(line, size, "the checkpoint for size " + size + " (" + at(line) + ")");
      }
      recordMatch(size);
      return null;
    }

    private Finding checkTrusted(long line) throws IOException {
      long size = trusted.checkpoint().size();
      if (!MessageDigest.isEqual(range.rootHash(), trusted.checkpoint().rootHash())) {
        return rootMismatch(line, size, "the trusted checkpoint for size " + size);
      }
      recordMatch(size);
      return null;
    }

    private void recordMatch(long size) {
      checkpoints++;
      anyCheckpoint = true;
      lastMatchedSize = size;
      signedSize = Math.max(signedSize, size);
    }

    private Finding rootMismatch(long line, long size, String which) throws IOException {
      // If the chain breaks right after this point, the chain rules can name the entry precisely.
      Optional<Item> next = peekEntry(0);
      if (next.isPresent()) {
        CanonicalEntry e = next.get().entry().orElseThrow();
        if (e.sequence() == n && !e.linksTo(lastLeaf)) {
          return diagnoseBrokenLink(next.get().line(), e, 1, size);
        }
      }
      EntryRange suspects =
          size == 0 ? null : new EntryRange(Math.min(lastMatchedSize, size - 1), size - 1);
      return finding(
          Kind.CHECKPOINT_ROOT_MISMATCH,
          line,
          suspects,
          size,
          which
              + " is correctly signed but its root differs from the root recomputed from the export"
              + (suspects == null
                  ? ""
                  : ": one of "
                      + suspects
                      + " was altered, inserted, removed or reordered, "
                      + "and the chain rewritten after it"));
    }

    private Finding atEnd() {
      if (trusted != null && trusted.checkpoint().size() > n) {
        long size = trusted.checkpoint().size();
        EntryRange missing = new EntryRange(n, size - 1);
        return finding(
            Kind.TRUNCATED,
            0,
            missing,
            size,
            "the export was truncated: the trusted checkpoint is signed for "
                + size
                + " entries, but the export "
                + "ends after "
                + n
                + "; "
                + missing
                + " are missing");
      }
      if (!anyCheckpoint) {
        return finding(
            Kind.UNSIGNED_TAIL,
            0,
            n == 0 ? null : new EntryRange(0, n - 1),
            null,
            "the export contains no valid checkpoint: nothing in it is vouched for by a signature");
      }
      if (signedSize < n) {
        EntryRange unsigned = new EntryRange(signedSize, n - 1);
        return finding(
            Kind.UNSIGNED_TAIL,
            0,
            unsigned,
            signedSize,
            capitalize(unsigned.toString())
                + " follow the last checkpoint (size "
                + signedSize
                + ") and are not covered by any signature; a complete export ends with a checkpoint"
                + " of its full size");
      }
      return null;
    }

    private Item nextItem() throws IOException {
      Item item = ahead.pollFirst();
      return item != null ? item : readItem();
    }

    /**
     * Returns the {@code index}-th entry item ahead (0 = the next one), reading ahead if needed.
     */
    private Optional<Item> peekEntry(int index) throws IOException {
      int seen = 0;
      for (Item item : ahead) {
        if (item.error() != null) {
          return Optional.empty();
        }
        if (item.entry().isPresent() && seen++ == index) {
          return Optional.of(item);
        }
      }
      while (ahead.size() < MAX_LOOKAHEAD_LINES) {
        Item item = readItem();
        if (item == null) {
          return Optional.empty();
        }
        ahead.addLast(item);
        if (item.error() != null) {
          return Optional.empty();
        }
        if (item.entry().isPresent() && seen++ == index) {
          return Optional.of(item);
        }
      }
      return Optional.empty();
    }

    private Item readItem() throws IOException {
      return source.read();
    }

    /** Says where: "line 12" or "record 12". */
    private String at(long line) {
      return unit + " " + line;
    }

    private Finding finding(
        Kind kind, long line, EntryRange entries, Long checkpointSize, String message) {
      return new Finding(kind, line, entries, checkpointSize, message, unit);
    }
  }

  /** Names what entry {@code sequence + 1} links to: "entry k", or the zeros before entry 0. */
  private static String predecessor(long sequence) {
    return sequence < 0 ? "the start of the log (32 zero bytes)" : "entry " + sequence;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Reads {@code \n}-terminated lines of bounded length. Not thread-safe. */
  static final class LineReader {

    /** Thrown when a line exceeds {@link #MAX_LINE_CHARS}. */
    static final class LineTooLongException extends IOException {
      private static final long serialVersionUID = 1L;

      LineTooLongException() {
        super("line too long");
      }
    }

    private final Reader in;
    private final char[] buf = new char[64 * 1024];
    private final StringBuilder line = new StringBuilder(1024);
    private int pos;
    private int limit;
    private long lineNumber;

    LineReader(Reader in) {
      this.in = in;
    }

    /** Returns the number of the line last returned (1-based), or being read when it failed. */
    long lineNumber() {
      return lineNumber;
    }

    /** Returns the next line without its terminator, or null at the end of input. */
    String readLine() throws IOException {
      line.setLength(0);
      boolean any = false;
      while (true) {
        if (pos == limit) {
          int read = in.read(buf);
          if (read < 0) {
            if (!any) {
              return null;
            }
            lineNumber++;
            return line.toString();
          }
          pos = 0;
          limit = read;
        }
        any = true;
        int start = pos;
        while (pos < limit && buf[pos] != '\n') {
          pos++;
        }
        if (line.length() + (pos - start) > MAX_LINE_CHARS) {
          lineNumber++;
          throw new LineTooLongException();
        }
        line.append(buf, start, pos - start);
        if (pos < limit) {
          pos++; // the '\n'
          lineNumber++;
          return line.toString();
        }
      }
    }
  }
}

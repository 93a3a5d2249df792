package org.zhusan.vault.audit.witness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A c2sp.org/signed-note: a text ending in a newline, a blank line, then one or more {@linkplain
 * NoteSignature signature lines}. The text is separated from the signatures by the last blank line.
 *
 * <p>Parsing is strict, because a note travels between parties who do not trust each other: valid
 * UTF-8 only, no control characters but newline, every line after the separator a well-formed
 * signature line, at most {@value #MAX_SIGNATURES} signatures and {@value #MAX_BYTES} bytes. The
 * text is not trusted until a known key's signature {@linkplain #check verifies}; signatures by
 * unknown keys are kept but ignored.
 *
 * <p>Immutable.
 *
 * @param text the note text, ending in a newline
 * @param signatures the signature lines, in order, without duplicates
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

  /** Most signatures accepted in one note (the spec asks verifiers to accept at least 16). */
  public static final int MAX_SIGNATURES = 100;

  /** Largest note accepted, in bytes of UTF-8 (1 MiB). */
  public static final int MAX_BYTES = 1 << 20;

  /** What checking a note against one key finds. */
  public enum Check {
    /** A signature by the key is present and every such signature verifies. */
    VALID,
    /** A signature names the key but does not verify: the note must not be trusted. */
    INVALID,
    /** No signature names the key. */
    ABSENT
  }

  /** Checks the text and the number of signatures, and removes duplicate signature lines. */
  public SignedNote {
    Objects.requireNonNull(text, "text is required.");
    Objects.requireNonNull(signatures, "signatures is required.");
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new IllegalArgumentException("note text must end with a newline");
    }
    Text.checkNoControlCharacters(text, "note text");
    signatures = List.copyOf(new LinkedHashSet<>(signatures));
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("a signed note needs at least one signature");
    }
    if (signatures.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException("more than " + MAX_SIGNATURES + " signatures");
    }
  }

  /** A note of {@code text} with one signature. */
  public static SignedNote of(String text, NoteSignature signature) {
    return new SignedNote(text, List.of(signature));
  }

  /**
   * Parses a note from its bytes.
   *
   * @throws IllegalArgumentException if they are not a well-formed signed note
   */
  public static SignedNote parse(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes is required.");
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("note larger than " + MAX_BYTES + " bytes");
    }
    return parse(Text.utf8(bytes));
  }

  /**
   * Parses a note.
   *
   * @throws IllegalArgumentException if it is not a well-formed signed note
   */
  public static SignedNote parse(String note) {
    Objects.requireNonNull(note, "note is required.");
    if (note.length() > MAX_BYTES || note.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException("note larger than " + MAX_BYTES + " bytes");
    }
    Text.checkNoControlCharacters(note, "note");
    int separator = note.lastIndexOf("\n\n");
    if (separator < 0 || !note.endsWith("\n")) {
      throw new IllegalArgumentException("note has no signatures");
    }
    String text = note.substring(0, separator + 1);
    String block = note.substring(separator + 2);
    if (block.isEmpty()) {
      throw new IllegalArgumentException("note has no signatures");
    }
    String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new IllegalArgumentException("more than " + MAX_SIGNATURES + " signatures");
    }
    List<NoteSignature> signatures = new ArrayList<>(lines.length);
    for (String line : lines) {
      signatures.add(NoteSignature.parseLine(line));
    }
    return new SignedNote(text, signatures);
  }

  /** The note as text: the text, a blank line, the signature lines. */
  public String format() {
    StringBuilder out = new StringBuilder(text).append('\n');
    signatures.forEach(s -> out.append(s.line()));
    return out.toString();
  }

  /** {@link #format()} as UTF-8. */
  public byte[] bytes() {
    return format().getBytes(StandardCharsets.UTF_8);
  }

  /** Checks this note against {@code key}; see {@link Check}. */
  public Check check(NoteVerifierKey key) {
    Objects.requireNonNull(key, "key is required.");
    boolean found = false;
    for (NoteSignature signature : signatures) {
      if (key.names(signature)) {
        if (!key.verifies(text, signature)) {
          return Check.INVALID;
        }
        found = true;
      }
    }
    return found ? Check.VALID : Check.ABSENT;
  }

  /** Whether a signature by {@code key} is present and valid ({@link Check#VALID}). */
  public boolean isSignedBy(NoteVerifierKey key) {
    return check(key) == Check.VALID;
  }

  /** The signatures that name {@code key} (valid or not). */
  public List<NoteSignature> signaturesBy(NoteVerifierKey key) {
    return signatures.stream().filter(key::names).toList();
  }

  /** This note with {@code more} signatures appended (duplicates dropped). */
  public SignedNote withSignatures(List<NoteSignature> more) {
    List<NoteSignature> all = new ArrayList<>(signatures);
    all.addAll(more);
    return new SignedNote(text, all);
  }

  @Override
  public String toString() {
    return format();
  }
}

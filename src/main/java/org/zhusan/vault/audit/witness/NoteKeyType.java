package org.zhusan.vault.audit.witness;

/**
 * The signature types of c2sp.org/signed-note this package supports. The type byte goes into the
 * key ID and the verifier-key string, so the same Ed25519 key used as a note signer and as a
 * witness cosigner has two different key IDs and one signature can never be read as the other.
 */
public enum NoteKeyType {
  /** Plain Ed25519 over the note text (type 0x01): how the log signs its checkpoints. */
  ED25519((byte) 0x01),
  /** Timestamped Ed25519 witness cosignature, c2sp.org/tlog-cosignature {@code cosignature/v1}. */
  COSIGNATURE_V1((byte) 0x04);

  private final byte id;

  NoteKeyType(byte id) {
    this.id = id;
  }

  /** The signature type identifier byte. */
  public byte id() {
    return id;
  }

  /**
   * Returns the type with identifier {@code id}.
   *
   * @throws IllegalArgumentException for any other byte (ECDSA, RFC 6962, ML-DSA … are refused)
   */
  public static NoteKeyType of(byte id) {
    for (NoteKeyType type : values()) {
      if (type.id == id) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        String.format("unsupported note signature type 0x%02x", id & 0xff));
  }
}

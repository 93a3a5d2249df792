package org.zhusan.vault.keys;

/** Seals and opens sensitive text fields under their owner's data key. */
public interface FieldCipher {
  SealedText seal(FieldBinding binding, String plaintext);

  /**
   * Opens a sealed field.
   *
   * @throws org.zhusan.vault.platform.problem.VaultException 410 when the owner's key was shredded,
   *     500-class integrity failure when the ciphertext was altered or moved
   */
  String open(FieldBinding binding, SealedText sealed);
}

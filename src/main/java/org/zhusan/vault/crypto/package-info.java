/**
 * The vault's pure cryptographic core: authenticated encryption of fields ({@link
 * org.zhusan.vault.crypto.AesGcmAead}) and of document content ({@link
 * org.zhusan.vault.crypto.AesGcmHkdfStreaming}), blind indexes for equality search ({@link
 * org.zhusan.vault.crypto.BlindIndex}), and the key hierarchy: key-encryption keys loaded from a
 * PKCS#12 keystore ({@link org.zhusan.vault.crypto.Keyring}) wrap per-subject data keys ({@link
 * org.zhusan.vault.crypto.DataKeyWrapper}), which a short-lived {@link
 * org.zhusan.vault.crypto.DataKeyCache} keeps unwrapped while requests need them.
 *
 * <p>Rules of this package:
 *
 * <ul>
 *   <li>Plain Java 17 plus the BouncyCastle lightweight API only; no Jakarta EE, JPA, CDI or JAX-RS
 *       types, so everything here is tested with plain JUnit.
 *   <li>Raw key bytes live only in the package-private {@code SecretBytes} holder and never leave
 *       this package: public types ({@link org.zhusan.vault.crypto.DataKey}, {@link
 *       org.zhusan.vault.crypto.Keyring}, {@link org.zhusan.vault.crypto.AeadKeyset}) are opaque.
 *   <li>Every ciphertext starts with a format byte and a key version, and is bound by associated
 *       data ({@link org.zhusan.vault.crypto.AssociatedData}) to its owner and field.
 *   <li>Every authentication failure surfaces as one generic {@link
 *       org.zhusan.vault.crypto.DecryptionFailedException} ("decryption failed"); unauthenticated
 *       bytes are never returned.
 *   <li>Anything that bypasses a safety property (fixed nonces, raw key import) is named {@code
 *       insecure…} so that a grep finds every use.
 * </ul>
 *
 * <p>Byte layouts are documented in the class that writes them and collected in {@code
 * docs/crypto.md}.
 */
package org.zhusan.vault.crypto;

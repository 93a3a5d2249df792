package org.zhusan.vault.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Authenticated encryption of byte streams of any length (document content) in constant memory.
 *
 * <p>Security guarantees of every implementation: the same as {@link Aead} for the stream as a
 * whole: confidentiality, and integrity of every byte, of the order of the segments and of the
 * stream's end. A decrypting stream only ever returns plaintext of segments that have been
 * authenticated; a modified, reordered, truncated or extended ciphertext, wrong associated data or
 * an unknown key version makes it throw an {@link IOException} whose cause is {@link
 * DecryptionFailedException}. Bytes returned before such a failure belong to earlier, authentic
 * segments, but the stream as a whole must then be treated as untrustworthy (callers that need
 * all-or-nothing semantics must buffer or write to a temporary place and discard on failure).
 *
 * <p>Thread safety: the factory is safe for concurrent use; each returned stream is for one thread.
 */
public interface StreamingAead {

  /**
   * Returns a stream that encrypts what is written to it into {@code ciphertextSink}. The header is
   * written immediately. The ciphertext is complete only after {@link OutputStream#close()}, which
   * writes the final segment and closes the sink; a stream that is never closed leaves a truncated
   * ciphertext that will not decrypt.
   *
   * @param associatedData authenticated but not encrypted context, e.g. {@link
   *     AssociatedData#forContent}
   * @throws IOException if writing the header fails
   */
  OutputStream newEncryptingStream(OutputStream ciphertextSink, byte[] associatedData)
      throws IOException;

  /**
   * Returns a stream that reads and decrypts {@code ciphertextSource}. Nothing is read until the
   * first {@code read}. Closing it closes the source.
   *
   * @param associatedData must equal the value given when encrypting
   */
  InputStream newDecryptingStream(InputStream ciphertextSource, byte[] associatedData);
}

package org.zhusan.vault.crypto;

import java.security.GeneralSecurityException;

/**
 * The keyring could not be loaded: keystore missing or unreadable, wrong password, a required alias
 * missing, or an entry that is not a 256-bit AES secret key. The message names the file and the
 * alias concerned, and never contains a password or key material.
 *
 * <p>Thread safety: immutable.
 */
public final class KeyringException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  KeyringException(String message) {
    super(message);
  }

  KeyringException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.zhusan.vault.keys;

/**
 * The field cipher entities use, installed once at start-up by {@link SubjectKeys}. A static holder
 * (like Tink's registry) because JPA entities are not CDI beans; tests install their own.
 */
public final class Sealing {
  private static volatile FieldCipher cipher;

  private Sealing() {}

  public static void install(FieldCipher fieldCipher) {
    cipher = fieldCipher;
  }

  public static SealedText seal(FieldBinding binding, String plaintext) {
    return plaintext == null ? null : cipher().seal(binding, plaintext);
  }

  public static String open(FieldBinding binding, SealedText sealed) {
    return sealed == null ? null : cipher().open(binding, sealed);
  }

  private static FieldCipher cipher() {
    FieldCipher c = cipher;
    if (c == null) {
      throw new IllegalStateException("no field cipher installed");
    }
    return c;
  }
}

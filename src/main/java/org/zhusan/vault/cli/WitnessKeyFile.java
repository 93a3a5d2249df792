package org.zhusan.vault.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.openssl.PEMParser;

/**
 * The witness's Ed25519 private key as an unencrypted PKCS#8 PEM file (the form {@code openssl
 * genpkey -algorithm ed25519} writes, and the log's signing key uses), created on first start with
 * owner-only permissions ({@code rw-------}, set at creation so it is never readable by others,
 * even briefly). The key is the witness's identity: lose it and users must be told a new key; leak
 * it and someone can co-sign forks in its name.
 */
final class WitnessKeyFile {

  private WitnessKeyFile() {}

  /** Loads the key, creating it first if the file does not exist. */
  static Ed25519PrivateKeyParameters loadOrCreate(Path file)
      throws IOException, InvalidKeyException {
    if (!Files.exists(file)) {
      try {
        create(file);
      } catch (FileAlreadyExistsException e) {
        // Another process created it meanwhile: use theirs.
      }
    }
    return load(file);
  }

  /**
   * Loads the key.
   *
   * @throws InvalidKeyException if the file is not exactly one unencrypted PKCS#8 Ed25519 key
   */
  static Ed25519PrivateKeyParameters load(Path file) throws IOException, InvalidKeyException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object object = parser.readObject();
      if (!(object instanceof PrivateKeyInfo info) || parser.readObject() != null) {
        throw new InvalidKeyException(file + " is not one unencrypted PKCS#8 PRIVATE KEY");
      }
      if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
        throw new InvalidKeyException(file + " is not an Ed25519 key");
      }
      AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
      if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
        throw new InvalidKeyException(file + " is not an Ed25519 key");
      }
      return ed25519;
    }
  }

  private static void create(Path file) throws IOException {
    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    byte[] der = PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END PRIVATE KEY-----\n";
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not POSIX (Windows): the file inherits the directory's ACL
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(pem.getBytes(StandardCharsets.US_ASCII));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
  }
}

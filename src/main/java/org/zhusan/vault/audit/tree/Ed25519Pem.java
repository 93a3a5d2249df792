package org.zhusan.vault.audit.tree;

import java.io.IOException;
import java.io.Reader;
import java.security.InvalidKeyException;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.openssl.PEMParser;

/**
 * Reads Ed25519 keys from PEM: a private key as unencrypted PKCS#8 ({@code -----BEGIN PRIVATE
 * KEY-----}, what {@code openssl genpkey -algorithm ed25519} writes) and a public key as X.509
 * SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}, what {@code openssl pkey -pubout}
 * writes). Package-private so that only the signer and verifier handle key objects. Stateless.
 */
final class Ed25519Pem {

  private Ed25519Pem() {}

  static Ed25519PrivateKeyParameters readPrivateKey(Reader pem)
      throws IOException, InvalidKeyException {
    Object object = readSingleObject(pem);
    if (!(object instanceof PrivateKeyInfo info)) {
      throw new InvalidKeyException("expected an unencrypted PKCS#8 PRIVATE KEY PEM block");
    }
    if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
      throw new InvalidKeyException("private key is not Ed25519");
    }
    AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
    if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
      throw new InvalidKeyException("private key is not Ed25519");
    }
    return ed25519;
  }

  static Ed25519PublicKeyParameters readPublicKey(Reader pem)
      throws IOException, InvalidKeyException {
    Object object = readSingleObject(pem);
    if (!(object instanceof SubjectPublicKeyInfo info)) {
      throw new InvalidKeyException("expected a PUBLIC KEY (X.509 SubjectPublicKeyInfo) PEM block");
    }
    if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getAlgorithm().getAlgorithm())) {
      throw new InvalidKeyException("public key is not Ed25519");
    }
    AsymmetricKeyParameter key = PublicKeyFactory.createKey(info);
    if (!(key instanceof Ed25519PublicKeyParameters ed25519)) {
      throw new InvalidKeyException("public key is not Ed25519");
    }
    return ed25519;
  }

  private static Object readSingleObject(Reader pem) throws IOException, InvalidKeyException {
    try (PEMParser parser = new PEMParser(pem)) {
      Object object = parser.readObject();
      if (object == null) {
        throw new InvalidKeyException("no PEM block found");
      }
      if (parser.readObject() != null) {
        throw new InvalidKeyException("more than one PEM block found; expected exactly one key");
      }
      return object;
    }
  }
}

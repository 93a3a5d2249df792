package org.zhusan.vault.audit.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed notes against the test vectors of golang.org/x/mod/sumdb/note ({@code note_test.go}:
 * TestNewVerifier, TestSign, TestOpen), which any C2SP signed-note implementation must reproduce.
 */
class SignedNoteTest {

  /** {@code PRIVATE+KEY+PeterNeumann+c74f20a3+<base64(0x01 || seed)>} from note_test.go. */
  private static final String PETER_PRIVATE = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

  private static final String PETER_KEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String ENOCH_KEY =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  private static final String TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  private static final String PETER_SIG =
      "— PeterNeumann"
          + " x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  private static final String ENOCH_SIG =
      "— EnochRoot"
          + " rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  private static NoteSigner peter() {
    byte[] typed = Base64.getDecoder().decode(PETER_PRIVATE);
    assertEquals(0x01, typed[0]);
    return NoteSigner.fromSeed("PeterNeumann", Arrays.copyOfRange(typed, 1, typed.length));
  }

  @Test
  void signerDerivesTheGoVerifierKey() {
    assertEquals(PETER_KEY, peter().verifierKey().format());
    assertEquals(0xc74f20a3, peter().verifierKey().keyId());
  }

  @Test
  void signingReproducesTheGoNoteByteForByte() {
    SignedNote note = SignedNote.of(TEXT, peter().sign(TEXT));
    assertEquals(TEXT + "\n" + PETER_SIG, note.format());
  }

  @Test
  void verifierKeysParseAndFormatBack() {
    assertEquals(PETER_KEY, NoteVerifierKey.parse(PETER_KEY).format());
    assertEquals(ENOCH_KEY, NoteVerifierKey.parse(ENOCH_KEY).format());
    assertEquals(NoteKeyType.ED25519, NoteVerifierKey.parse(PETER_KEY).type());
  }

  @Test
  void verifierKeysWithPlusSignsInTheirBase64ParseBack() {
    int withPlus = 0;
    for (int i = 0; i < 64; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) i;
      NoteVerifierKey key = NoteSigner.fromSeed("w", seed).cosignerKey();
      withPlus += key.format().lastIndexOf('+') > key.format().indexOf('+', 2) ? 1 : 0;
      assertEquals(key, NoteVerifierKey.parse(key.format()));
    }
    assertTrue(withPlus > 0);
  }

  @Test
  void everyMangledVerifierKeyIsRefused() {
    byte[] bytes = PETER_KEY.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i <= bytes.length; i++) {
      for (int j = i + 1; j <= bytes.length; j++) {
        if (i != 0 || j != bytes.length) {
          String cut = PETER_KEY.substring(i, j);
          assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(cut), cut);
        }
      }
    }
    for (int i = 0; i < bytes.length; i++) {
      byte[] changed = bytes.clone();
      changed[i]++;
      String text = new String(changed, StandardCharsets.US_ASCII);
      assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(text), text);
    }
    // Unknown algorithm (0x65) with a key ID adjusted to it: still refused.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            NoteVerifierKey.parse(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
  }

  @Test
  void aNoteIsVerifiedByEachKnownKeyAndUnknownSignaturesAreIgnored() {
    SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
    assertEquals(TEXT, note.text());
    assertEquals(2, note.signatures().size());
    NoteVerifierKey peterKey = NoteVerifierKey.parse(PETER_KEY);
    NoteVerifierKey enochKey = NoteVerifierKey.parse(ENOCH_KEY);
    assertEquals(SignedNote.Check.VALID, note.check(peterKey));
    assertEquals(SignedNote.Check.VALID, note.check(enochKey));
    assertEquals(
        SignedNote.Check.ABSENT, SignedNote.parse(TEXT + "\n" + PETER_SIG).check(enochKey));
    assertEquals(TEXT + "\n" + PETER_SIG + ENOCH_SIG, note.format());
  }

  @Test
  void aKnownKeysBadSignatureMakesTheNoteInvalid() {
    String bad = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
    SignedNote note = SignedNote.parse(TEXT + "\n" + bad);
    assertEquals(SignedNote.Check.INVALID, note.check(NoteVerifierKey.parse(PETER_KEY)));
  }

  @Test
  void aSignatureWithTheRightNameButAnotherKeyIdIsIgnored() {
    String other = PETER_SIG.replace("x08g", "xxxx");
    SignedNote note = SignedNote.parse(TEXT + "\n" + other);
    assertEquals(SignedNote.Check.ABSENT, note.check(NoteVerifierKey.parse(PETER_KEY)));
  }

  @Test
  void duplicateSignatureLinesAreKeptOnce() {
    SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG);
    assertEquals(2, note.signatures().size());
  }

  @Test
  void malformedNotesAreRefused() {
    List<String> bad =
        List.of(
            TEXT,
            TEXT + "\n",
            TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
            "\u0001" + TEXT + "\n" + PETER_SIG,
            TEXT
                + "\n"
                + "— Bad Name"
                + " x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
            TEXT + "\n" + PETER_SIG.replace("—", "-"),
            TEXT + "\n" + PETER_SIG.replace("=\n", "\n"),
            TEXT + "\n" + "— PeterNeumann AAAA\n",
            TEXT + "\n" + PETER_SIG + "\n",
            TEXT + "\r\n" + PETER_SIG);
    for (String note : bad) {
      assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(note), note);
    }
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] valid = (TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
    byte[] invalid = new byte[valid.length + 1];
    invalid[0] = (byte) 0xff;
    System.arraycopy(valid, 0, invalid, 1, valid.length);
    assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(invalid));
  }

  @Test
  void moreThanOneHundredSignaturesAreRefused() {
    StringBuilder signatures = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      signatures.append("— w").append(i).append(PETER_SIG.substring(PETER_SIG.indexOf(' ', 2)));
    }
    assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(TEXT + "\n" + signatures));
    String hundred = signatures.substring(0, signatures.lastIndexOf("— w100"));
    assertEquals(100, SignedNote.parse(TEXT + "\n" + hundred).signatures().size());
  }

  @Test
  void notesOverOneMebibyteAreRefused() {
    String line = "x".repeat(1023) + "\n";
    String text = line.repeat(1025);
    assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(text + "\n" + PETER_SIG));
    assertThrows(
        IllegalArgumentException.class,
        () -> SignedNote.parse((text + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void textMayHoldBlankLinesAndTheLastBlankLineSeparatesTheSignatures() {
    String text = "first\n\nthird\n";
    NoteSignature signature = peter().sign(text);
    SignedNote note = SignedNote.parse(text + "\n" + signature.line());
    assertEquals(text, note.text());
    assertEquals(SignedNote.Check.VALID, note.check(peter().verifierKey()));
  }

  @Test
  void signatureLinesRoundTrip() {
    NoteSignature signature = NoteSignature.parseLine(PETER_SIG);
    assertEquals("PeterNeumann", signature.name());
    assertEquals(0xc74f20a3, signature.keyId());
    assertEquals(64, signature.signature().length);
    assertEquals(PETER_SIG, signature.line());
    assertArrayEquals(signature.signature(), NoteSignature.parseLine(signature.line()).signature());
  }
}

package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.zhusan.vault.audit.tree.Rfc6962TestVectors.hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Rfc9162HasherTest {

  private final Rfc9162Hasher hasher = Rfc9162Hasher.sha256();

  // Vectors from transparency-dev/merkle rfc6962/rfc6962_test.go; each comment is the shell
  // command that reproduces it.
  @Test
  void emptyRootIsSha256OfNothing() {
    // echo -n | sha256sum
    assertArrayEquals(
        hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        hasher.emptyRoot());
  }

  @Test
  void emptyLeafIsPrefixedWithZeroByte() {
    // echo -n 00 | xxd -r -p | sha256sum
    assertArrayEquals(
        hex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
        hasher.hashLeaf(new byte[0]));
  }

  @Test
  void leafHashMatchesReference() {
    // echo -n 004C313233343536 | xxd -r -p | sha256sum
    assertArrayEquals(
        hex("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56"),
        hasher.hashLeaf("L123456".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void nodeHashMatchesReference() {
    // echo -n 014E3132334E343536 | xxd -r -p | sha256sum
    assertArrayEquals(
        hex("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb"),
        hasher.hashChildren(
            "N123".getBytes(StandardCharsets.US_ASCII),
            "N456".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void nodeHashIsNotLeafHashOfConcatenation() {
    byte[] a = hasher.hashLeaf("Hello".getBytes(StandardCharsets.US_ASCII));
    byte[] b = hasher.hashLeaf("World".getBytes(StandardCharsets.US_ASCII));
    byte[] concatenation = Arrays.copyOf(a, 64);
    System.arraycopy(b, 0, concatenation, 32, 32);
    assertFalse(Arrays.equals(hasher.hashChildren(a, b), hasher.hashLeaf(concatenation)));
    assertFalse(Arrays.equals(hasher.hashChildren(a, b), hasher.hashChildren(b, a)));
  }

  @Test
  void hashesAre32Bytes() {
    assertEquals(32, hasher.size());
    assertEquals(32, hasher.hashLeaf(new byte[] {1}).length);
  }
}

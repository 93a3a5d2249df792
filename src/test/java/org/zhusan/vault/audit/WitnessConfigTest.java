package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.witness.NoteSigner;

class WitnessConfigTest {
  private static final String W1 = key("w1.example/witness", 1);
  private static final String W2 = key("w2.example/witness", 2);

  private static String key(String name, int seed) {
    byte[] s = new byte[32];
    s[0] = (byte) seed;
    return NoteSigner.fromSeed(name, s).cosignerKey().format();
  }

  @Test
  void noneByDefault() {
    assertFalse(WitnessConfig.parse(Optional.empty(), 0).enabled());
    assertFalse(WitnessConfig.parse(Optional.of("  "), 0).enabled());
  }

  @Test
  void entriesAndThreshold() {
    WitnessConfig c =
        WitnessConfig.parse(
            Optional.of("http://127.0.0.1:7380 " + W1 + " , https://w2.example/wit/ " + W2), 0);
    assertEquals(2, c.witnesses().size());
    assertEquals(2, c.threshold(), "0 means all");
    assertEquals(
        "http://127.0.0.1:7380/add-checkpoint", c.witnesses().get(0).addCheckpoint().toString());
    assertEquals(
        "https://w2.example/wit/add-checkpoint", c.witnesses().get(1).addCheckpoint().toString());
    assertEquals("w1.example/witness", c.witnesses().get(0).name());
    assertEquals(
        1, WitnessConfig.parse(Optional.of("http://a/add-checkpoint " + W1), 1).threshold());
  }

  @Test
  void invalidEntriesAreNamed() {
    for (String bad :
        new String[] {
          "http://a",
          "ftp://a " + W1,
          "http://a " + W1.replace('+', '-'),
          "http://a " + W1 + ", http://b " + W1,
          "http://a " + NoteSigner.fromSeed("log", new byte[32]).verifierKey().format()
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> WitnessConfig.parse(Optional.of(bad), 0), bad);
      assertTrue(e.getMessage().contains("vault.audit.witnesses entry"), e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> WitnessConfig.parse(Optional.of("http://a " + W1), 2));
    assertThrows(IllegalArgumentException.class, () -> WitnessConfig.parse(Optional.empty(), 1));
  }
}

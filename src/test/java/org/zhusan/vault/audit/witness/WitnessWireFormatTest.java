package org.zhusan.vault.audit.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The add-checkpoint request and response bodies of c2sp.org/tlog-witness. */
class WitnessWireFormatTest {

  /** The example request of the tlog-witness spec. */
  private static final String SPEC_REQUEST =
      "old 20852014\n"
          + "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"
          + "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n"
          + "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n"
          + "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n"
          + "\n"
          + "example.com/behind-the-sofa\n"
          + "20852163\n"
          + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
          + "\n"
          + "— example.com/behind-the-sofa"
          + " Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
          + "— example.com/behind-the-sofa"
          + " opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n";

  /** The example response of the tlog-witness spec. */
  private static final String SPEC_RESPONSE =
      "— witness.example/w1"
          + " CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==\n"
          + "— witness.example/w1"
          + " I7rEps0pvK2UqkS2gSpVUDhrhVtQV9lgF6pRrWAvjJHjyWpW7VcE3SiOlVlbQNt64vWhO+DlkL0+UfzuOBMh9ChdMkP1vi/lCAsmlw==\n"
          + "— witness.example/w2"
          + " AWui8Sk55XjYLOijihBjhqEH6nS1ndDymE0a+6idX7pLcnoB+dhnz0854aLZgrrKbYKA7nC3HNJhm/kWl7oJlqU3rXXvpysAdyP3wQ==\n";

  @Test
  void theSpecsExampleRequestParsesAndFormatsBack() {
    WitnessRequest request = WitnessRequest.parse(bytes(SPEC_REQUEST));
    assertEquals(20852014, request.oldSize());
    assertEquals(4, request.consistencyProof().size());
    assertEquals(
        "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=",
        Base64.getEncoder().encodeToString(request.consistencyProof().get(0)));
    assertEquals(2, request.checkpoint().signatures().size());
    assertEquals(20852163, C2spCheckpoint.parse(request.checkpoint().text()).size());
    assertEquals(SPEC_REQUEST, request.format());
  }

  @Test
  void aRequestWithoutProofRoundTrips() {
    TestLog log = TestLog.withSeed(1).append(3);
    SignedNote note = log.note();
    String body = WitnessRequest.format(0, List.of(), note);
    assertEquals("old 0\n\n" + note.format(), body);
    WitnessRequest parsed = WitnessRequest.parse(bytes(body));
    assertEquals(0, parsed.oldSize());
    assertEquals(note, parsed.checkpoint());
  }

  @Test
  void aRequestWithAProofRoundTrips() {
    TestLog log = TestLog.withSeed(1).append(7);
    List<byte[]> proof = log.proof(3);
    WitnessRequest parsed =
        WitnessRequest.parse(bytes(WitnessRequest.format(3, proof, log.note())));
    assertEquals(proof.size(), parsed.consistencyProof().size());
    for (int i = 0; i < proof.size(); i++) {
      assertArrayEquals(proof.get(i), parsed.consistencyProof().get(i));
    }
  }

  @Test
  void malformedRequestsAreRefused() {
    String note = SPEC_REQUEST.substring(SPEC_REQUEST.indexOf("\n\n") + 2);
    String hash = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n";
    List<String> bad =
        List.of(
            "",
            note,
            "old 1\n" + note,
            "old 01\n\n" + note,
            "old -1\n\n" + note,
            "Old 1\n\n" + note,
            "old  1\n\n" + note,
            "old 1\nnot base64!\n\n" + note,
            "old 1\nAAAA\n\n" + note,
            "old 1\n" + String.join("", Collections.nCopies(64, hash)) + "\n" + note,
            "old 1\n\n" + note.replace("\n\n", "\n"),
            "old 1\n\n");
    for (String body : bad) {
      assertThrows(IllegalArgumentException.class, () -> WitnessRequest.parse(bytes(body)), body);
    }
    WitnessRequest.parse(
        bytes("old 1\n" + String.join("", Collections.nCopies(63, hash)) + "\n" + note));
  }

  @Test
  void theSpecsExampleResponseParses() {
    WitnessResult result = WitnessResponse.parse(200, "text/plain", bytes(SPEC_RESPONSE));
    WitnessResult.Cosigned cosigned = assertInstanceOf(WitnessResult.Cosigned.class, result);
    assertEquals(3, cosigned.cosignatures().size());
    assertEquals("witness.example/w2", cosigned.cosignatures().get(2).name());
    assertEquals(SPEC_RESPONSE, WitnessResponse.of(result).body());
  }

  @Test
  void aConflictCarriesTheWitnessSizeAsTlogSize() {
    WitnessResponse response = WitnessResponse.of(new WitnessResult.Conflict(42, "behind"));
    assertEquals(409, response.status());
    assertEquals("text/x.tlog.size", response.contentType());
    assertEquals("42\n", response.body());
    WitnessResult parsed =
        WitnessResponse.parse(response.status(), response.contentType(), response.bytes());
    assertEquals(42, ((WitnessResult.Conflict) parsed).knownSize());
    assertThrows(
        IllegalArgumentException.class,
        () -> WitnessResponse.parse(409, "text/plain", bytes("42\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> WitnessResponse.parse(409, "text/x.tlog.size", bytes("042\n")));
  }

  @Test
  void refusalsMapToTheSpecsStatuses() {
    assertEquals(400, WitnessResult.Refusal.MALFORMED.httpStatus());
    assertEquals(403, WitnessResult.Refusal.BAD_SIGNATURE.httpStatus());
    assertEquals(404, WitnessResult.Refusal.UNKNOWN_ORIGIN.httpStatus());
    assertEquals(422, WitnessResult.Refusal.INCONSISTENT.httpStatus());
    for (WitnessResult.Refusal refusal : WitnessResult.Refusal.values()) {
      WitnessResponse response = WitnessResponse.of(new WitnessResult.Refused(refusal, "why\nnot"));
      assertEquals("why not\n", response.body());
      WitnessResult parsed =
          WitnessResponse.parse(response.status(), response.contentType(), response.bytes());
      assertEquals(refusal, ((WitnessResult.Refused) parsed).refusal());
    }
    assertThrows(
        IllegalArgumentException.class, () -> WitnessResponse.parse(500, "text/plain", bytes("")));
    assertThrows(
        IllegalArgumentException.class, () -> WitnessResponse.parse(200, "text/plain", bytes("")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

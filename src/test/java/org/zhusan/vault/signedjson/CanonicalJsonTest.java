package org.zhusan.vault.signedjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

  private static String canonical(String json) {
    return new String(
        CanonicalJson.serialize(CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8))),
        StandardCharsets.UTF_8);
  }

  @Test
  void sortsMembersByUtf16CodeUnitsAsInRfc8785() {
    // RFC 8785 §3.2.3's example: U+1F600 (a surrogate pair, D83D DE00) sorts before U+FB33.
    String input =
        "{\"\\u20ac\":\"Euro Sign\",\"\\r"
            + "\":\"Carriage"
            + " Return\",\"\\ufb33\":\"Dalet\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Grinning"
            + " Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"o\"}";
    assertEquals(
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"o\","
            + "\"€\":\"Euro Sign\",\"😀\":\"Grinning Face\",\"\ufb33\":\"Dalet\"}",
        canonical(input));
  }

  @Test
  void sortsUpperCaseBeforeLowerCaseAndPrefixesFirst() {
    assertEquals(
        "{\"A\":1,\"B\":2,\"a\":3,\"aa\":4,\"b\":5}",
        canonical("{\"b\":5,\"aa\":4,\"a\":3,\"B\":2,\"A\":1}"));
  }

  @Test
  void escapesMinimally() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    String value = controls + "\"\\/\u007f\u2028 Әлия Нұрланқызы 😀";
    String out =
        new String(CanonicalJson.serialize(Json.createValue(value)), StandardCharsets.UTF_8);
    assertEquals(
        "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
            + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
            + "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\\"\\\\/\u007f\u2028"
            + " Әлия Нұрланқызы 😀\"",
        out);
  }

  @Test
  void keepsNonAsciiAsUtf8() {
    byte[] bytes = CanonicalJson.serialize(Json.createValue("Ә"));
    // U+04D8 is D3 98 in UTF-8, between the quotes.
    assertEquals(4, bytes.length);
    assertEquals((byte) 0xd3, bytes[1]);
    assertEquals((byte) 0x98, bytes[2]);
  }

  @Test
  void writesNestedObjectsAndArraysWithoutWhitespace() {
    assertEquals(
        "{\"a\":[],\"b\":{},\"c\":[1,[2,{\"y\":null,\"z\":true}],\"x\",false],\"d\":{\"e\":{\"f\":-7}}}",
        canonical(
            " {\n \"d\" : { \"e\" : { \"f\" : -7 } },\n"
                + " \"c\" : [ 1 , [ 2 , { \"z\" : true , \"y\" : null } ] , \"x\" , false ],\n"
                + " \"b\" : { }, \"a\" : [ ] }\n"));
  }

  @Test
  void keepsArrayOrder() {
    assertEquals("[3,1,2]", canonical("[3,1,2]"));
  }

  @Test
  void writesIntegersInTheSafeRange() {
    assertEquals(
        "[0,-1,9007199254740991,-9007199254740991]",
        canonical("[0,-1,9007199254740991,-9007199254740991]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.0", "1e2", "1E+2", "-0.0", "9007199254740992", "1e400"})
  void refusesNumbersThatAreNotSafeIntegers(String number) {
    JsonValue value = CanonicalJson.parse(("[" + number + "]").getBytes(StandardCharsets.UTF_8));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.serialize(value));
  }

  @Test
  void refusesUnpairedSurrogates() {
    assertThrows(
        IllegalArgumentException.class, () -> CanonicalJson.serialize(Json.createValue("a\ud83d")));
    assertThrows(
        IllegalArgumentException.class, () -> CanonicalJson.serialize(Json.createValue("\ude00a")));
  }

  @Test
  void parseRefusesWhatIsNotStrictUtf8Json() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalJson.parse(new byte[] {'"', (byte) 0xc3, '"'}));
    assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalJson.parse(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'}));
    assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalJson.parse("{} {}".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalJson.parse("{\"a\":}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void writesLiterals() {
    assertEquals("[true,false,null]", canonical("[ true, false, null ]"));
  }
}

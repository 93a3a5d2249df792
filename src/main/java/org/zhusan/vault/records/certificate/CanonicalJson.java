package org.zhusan.vault.records.certificate;

import jakarta.json.JsonValue;

/**
 * The certificates' former home of RFC 8785 canonical JSON, now {@link
 * org.zhusan.vault.signedjson.CanonicalJson}; kept package-private so code and tests of this
 * package that name it unqualified keep working.
 */
final class CanonicalJson {

  private CanonicalJson() {}

  static byte[] serialize(JsonValue value) {
    return org.zhusan.vault.signedjson.CanonicalJson.serialize(value);
  }

  static JsonValue parse(byte[] utf8) {
    return org.zhusan.vault.signedjson.CanonicalJson.parse(utf8);
  }
}

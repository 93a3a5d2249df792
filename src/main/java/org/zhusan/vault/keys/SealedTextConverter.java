package org.zhusan.vault.keys;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link SealedText} to its {@code bytea} column. Deliberately does no cryptography. */
@Converter(autoApply = true)
public class SealedTextConverter implements AttributeConverter<SealedText, byte[]> {
  @Override
  public byte[] convertToDatabaseColumn(SealedText attribute) {
    return attribute == null ? null : attribute.ciphertext();
  }

  @Override
  public SealedText convertToEntityAttribute(byte[] dbData) {
    return dbData == null ? null : SealedText.of(dbData);
  }
}

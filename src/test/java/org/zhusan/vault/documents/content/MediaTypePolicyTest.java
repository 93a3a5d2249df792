package org.zhusan.vault.documents.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaTypePolicyTest {
  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private static String policyWith(String courtList) {
    StringBuilder json = new StringBuilder("{\"accepted\": {");
    for (DocumentType type : DocumentType.values()) {
      json.append('"').append(type).append("\": ");
      json.append(type == DocumentType.COURT ? courtList : "[\"application/pdf\"]").append(',');
    }
    json.setLength(json.length() - 1);
    return json.append("}}").toString();
  }

  @Test
  void configFileAndClasspathCopyAreIdentical() throws Exception {
    Path config = Corpus.repoRoot().resolve("config/media-types.json");
    Path resource = Corpus.repoRoot().resolve("src/main/resources/media-types.json");
    assertEquals(Files.readString(config), Files.readString(resource));
    MediaTypePolicy.load(config);
  }

  @Test
  void defaultsAcceptOfficeFormatsAndImagesWhereSensible() {
    MediaTypePolicy policy = MediaTypePolicy.defaults();
    assertTrue(policy.check(DocumentType.COURT, new DetectedType(DOCX)).accepted());
    assertTrue(policy.check(DocumentType.IDENTITY, new DetectedType("image/jpeg")).accepted());
    assertTrue(policy.check(DocumentType.MEDICAL, new DetectedType("image/tiff")).accepted());
    assertTrue(
        policy.check(DocumentType.PSYCH_EVALUATION, new DetectedType("text/plain")).accepted());
    assertFalse(
        policy.check(DocumentType.PSYCH_EVALUATION, new DetectedType("image/png")).accepted());
    assertFalse(
        policy.check(DocumentType.IDENTITY, new DetectedType("application/msword")).accepted());
  }

  @Test
  void charsetParametersAreIgnored() {
    Verdict verdict =
        MediaTypePolicy.defaults()
            .check(DocumentType.COURT, new DetectedType("text/plain; charset=ISO-8859-1"));
    assertTrue(verdict.accepted());
    assertEquals("text/plain", verdict.mediaType());
  }

  @Test
  void rejectionNamesTheDetectedType() {
    Verdict verdict =
        MediaTypePolicy.defaults().check(DocumentType.COURT, new DetectedType("application/zip"));
    assertTrue(verdict.rejected());
    assertEquals("application/zip", verdict.mediaType());
    assertTrue(verdict.reason().contains("application/zip"), verdict.reason());
    assertTrue(verdict.reason().contains("COURT"), verdict.reason());
  }

  @Test
  void emptyFileIsRejectedAsEmpty() {
    Verdict verdict = MediaTypePolicy.defaults().check(DocumentType.COURT, DetectedType.empty());
    assertTrue(verdict.rejected());
    assertTrue(verdict.reason().startsWith("empty"), verdict.reason());
  }

  @Test
  void noDocumentTypeAcceptsDangerousTypes() {
    MediaTypePolicy policy = MediaTypePolicy.defaults();
    for (DocumentType type : DocumentType.values()) {
      for (String media : policy.acceptedTypes(type)) {
        assertTrue(MediaTypePolicy.neverAcceptedBecause(media).isEmpty(), type + " " + media);
      }
      for (String bad :
          new String[] {
            "application/x-msdownload",
            "application/x-executable",
            "application/zip",
            "application/xml",
            "text/html",
            "application/vnd.ms-htmlhelp",
            "application/x-sh",
            "application/octet-stream",
            "image/svg+xml"
          }) {
        assertTrue(policy.check(type, new DetectedType(bad)).rejected(), type + " " + bad);
      }
    }
  }

  @Test
  void unknownDocumentTypeIsNamed() {
    String json = policyWith("[]").replace("\"COURT\"", "\"COURTS\"");
    MediaTypePolicyException e =
        assertThrows(
            MediaTypePolicyException.class, () -> MediaTypePolicy.parse(json, "test.json"));
    assertTrue(e.getMessage().contains("unknown document type \"COURTS\""), e.getMessage());
    assertTrue(e.getMessage().startsWith("test.json"), e.getMessage());
  }

  @Test
  void malformedMediaTypeIsNamedWithItsPosition() {
    MediaTypePolicyException e =
        assertThrows(
            MediaTypePolicyException.class,
            () -> MediaTypePolicy.parse(policyWith("[\"application/pdf\", \"pdf\"]"), "p.json"));
    assertTrue(e.getMessage().contains("COURT[1] \"pdf\" is not a media type"), e.getMessage());
  }

  @Test
  void dangerousTypesCannotBeConfigured() {
    for (String bad :
        new String[] {
          "application/zip",
          "application/x-msdownload",
          "text/html",
          "application/xml",
          "application/vnd.ms-htmlhelp",
          "image/svg+xml",
          "application/x-sh",
          "application/vnd.ms-word.document.macroEnabled.12",
          "text/xml"
        }) {
      MediaTypePolicyException e =
          assertThrows(
              MediaTypePolicyException.class,
              () -> MediaTypePolicy.parse(policyWith("[\"" + bad + "\"]"), "p.json"),
              bad);
      assertTrue(e.getMessage().contains("never accepted"), e.getMessage());
    }
  }

  @Test
  void missingDocumentTypeDuplicatesParametersAndUnknownKeysAreRefused() {
    String missing = policyWith("[]").replace("\"CONSENT\": [\"application/pdf\"],", "");
    assertTrue(
        assertThrows(MediaTypePolicyException.class, () -> MediaTypePolicy.parse(missing, "p"))
            .getMessage()
            .contains("CONSENT is missing"));
    assertTrue(
        assertThrows(
                MediaTypePolicyException.class,
                () -> MediaTypePolicy.parse(policyWith("[\"text/plain\",\"text/plain\"]"), "p"))
            .getMessage()
            .contains("listed twice"));
    assertTrue(
        assertThrows(
                MediaTypePolicyException.class,
                () -> MediaTypePolicy.parse(policyWith("[\"text/plain; charset=UTF-8\"]"), "p"))
            .getMessage()
            .contains("parameters"));
    String extraKey = policyWith("[]").replaceFirst("\\{", "{\"acepted\": {},");
    assertTrue(
        assertThrows(MediaTypePolicyException.class, () -> MediaTypePolicy.parse(extraKey, "p"))
            .getMessage()
            .contains("unknown key \"acepted\""));
    assertThrows(MediaTypePolicyException.class, () -> MediaTypePolicy.parse("[1]", "p"));
    assertThrows(MediaTypePolicyException.class, () -> MediaTypePolicy.parse("{", "p"));
  }

  @Test
  void aDocumentTypeListedTwiceIsRefused() {
    String twice =
        policyWith("[]").replaceFirst("\\{\"accepted\": \\{", "{\"accepted\": {\"COURT\": [],");
    assertThrows(MediaTypePolicyException.class, () -> MediaTypePolicy.parse(twice, "p"));
  }

  @Test
  void aliasesAreCanonicalised() {
    MediaTypePolicy policy = MediaTypePolicy.parse(policyWith("[\"text/rtf\"]"), "p");
    assertTrue(policy.acceptedTypes(DocumentType.COURT).contains("application/rtf"));
  }

  @Test
  void loadNamesAnUnreadableFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    MediaTypePolicyException e =
        assertThrows(MediaTypePolicyException.class, () -> MediaTypePolicy.load(missing));
    assertTrue(e.getMessage().contains("nope.json"), e.getMessage());
  }
}

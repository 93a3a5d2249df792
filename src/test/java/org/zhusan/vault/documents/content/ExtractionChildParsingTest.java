package org.zhusan.vault.documents.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;

/**
 * The child detects a top-level document's type once: the parser it parses with takes the type
 * already found instead of running Tika's detection again.
 */
class ExtractionChildParsingTest {
  private static final ExtractionChild.Parsing PARSING = ExtractionChild.Parsing.load();

  @Test
  void theTopLevelParserUsesTheTypeGivenAndNeverDetectsAgain() throws Exception {
    byte[] pdf = Files.readAllBytes(Corpus.document("testPDF.pdf"));
    // Told it is plain text, the parser reads the PDF's bytes as text: it did not look at them.
    Metadata metadata = new Metadata();
    PARSING
        .detectedAs(MediaType.TEXT_PLAIN)
        .parse(
            new ByteArrayInputStream(pdf),
            new BodyContentHandler(-1),
            metadata,
            new ParseContext());
    assertTrue(metadata.get(Metadata.CONTENT_TYPE).startsWith("text/plain"));
  }

  @Test
  void withTheDetectedTypeTheTextIsTheSameAsWithDetection() throws Exception {
    for (String name : new String[] {"testPDF.pdf", "testWORD.docx", "testWORD.doc"}) {
      byte[] bytes = Files.readAllBytes(Corpus.document(name));
      MediaType detected =
          PARSING
              .config()
              .getDetector()
              .detect(
                  org.apache.tika.io.TikaInputStream.get(new ByteArrayInputStream(bytes)),
                  new Metadata());
      assertEquals(text(PARSING.parser(), bytes), text(PARSING.detectedAs(detected), bytes), name);
    }
  }

  @Test
  void theTopLevelParserKeepsTheLimitsOfTheDetectingOne() {
    AutoDetectParser topLevel = PARSING.detectedAs(MediaType.TEXT_PLAIN);
    assertSame(PARSING.parser().getAutoDetectParserConfig(), topLevel.getAutoDetectParserConfig());
  }

  private static String text(AutoDetectParser parser, byte[] bytes) throws Exception {
    BodyContentHandler handler = new BodyContentHandler(-1);
    parser.parse(new ByteArrayInputStream(bytes), handler, new Metadata(), new ParseContext());
    return handler.toString();
  }
}

package org.zhusan.vault.documents.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.documents.content.ChildProtocol.Frame;

class ChildProtocolTest {
  private static DataInputStream input(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }

  @Test
  void framesRoundTrip() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChildProtocol.writeFrame(
        out, ChildProtocol.TAG_TEXT, "Сот шешімі".getBytes(StandardCharsets.UTF_8));
    ChildProtocol.writeFrame(
        out, ChildProtocol.TAG_METADATA, ChildProtocol.metadataPayload("dc:title", "Ruling"));
    ChildProtocol.writeFrame(out, ChildProtocol.TAG_RESULT, ChildProtocol.resultPayload(4, 99));
    DataInputStream in = input(out.toByteArray());
    assertEquals("Сот шешімі", ChildProtocol.decodeText(ChildProtocol.readFrame(in).payload()));
    assertArrayEquals(
        new String[] {"dc:title", "Ruling"},
        ChildProtocol.readMetadata(ChildProtocol.readFrame(in).payload()));
    Frame result = ChildProtocol.readFrame(in);
    assertEquals(ChildProtocol.TAG_RESULT, result.tag());
    assertEquals(4, result.payload()[0]);
    assertNull(ChildProtocol.readFrame(in));
  }

  @Test
  void unknownTagsOversizedAndCutFramesAreProtocolErrors() {
    assertThrows(
        ChildProtocol.ProtocolException.class,
        () -> ChildProtocol.readFrame(input(new byte[] {'X', 0, 0, 0, 0})));
    byte[] huge =
        ByteBuffer.allocate(5)
            .put(ChildProtocol.TAG_TEXT)
            .putInt(ChildProtocol.MAX_FRAME_BYTES + 1)
            .array();
    assertThrows(ChildProtocol.ProtocolException.class, () -> ChildProtocol.readFrame(input(huge)));
    byte[] cut =
        ByteBuffer.allocate(7).put(ChildProtocol.TAG_TEXT).putInt(10).put((byte) 'a').array();
    assertThrows(ChildProtocol.ProtocolException.class, () -> ChildProtocol.readFrame(input(cut)));
    assertThrows(
        ChildProtocol.ProtocolException.class,
        () -> ChildProtocol.decodeText(new byte[] {(byte) 0xff}));
    assertThrows(
        ChildProtocol.ProtocolException.class,
        () -> ChildProtocol.readMetadata(new byte[] {0, 5, 'a'}));
  }

  @Test
  void metadataIsCappedWithoutSplittingSurrogatePairs() throws Exception {
    String value = "a".repeat(ChildProtocol.MAX_METADATA_VALUE_CHARS - 1) + "🙂🙂";
    String[] entry = ChildProtocol.readMetadata(ChildProtocol.metadataPayload("k", value));
    assertEquals(ChildProtocol.MAX_METADATA_VALUE_CHARS - 1, entry[1].length());
  }

  @Test
  void textFramesNeverSplitASurrogatePair() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExtractionChild.FrameWriter writer = new ExtractionChild.FrameWriter(out);
    String text = "x".repeat(ChildProtocol.TEXT_CHUNK_CHARS - 1) + "🙂" + "y".repeat(10);
    writer.write(text);
    writer.flush();
    DataInputStream in = input(out.toByteArray());
    StringBuilder back = new StringBuilder();
    for (Frame f = ChildProtocol.readFrame(in); f != null; f = ChildProtocol.readFrame(in)) {
      back.append(ChildProtocol.decodeText(f.payload()));
    }
    assertEquals(text, back.toString());
    assertEquals(text.length(), writer.characters);
  }

  @Test
  void limitedInputRemembersItsTail() throws Exception {
    byte[] pdfEnd = ("x".repeat(5000) + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    ExtractionChild.LimitedInputStream in =
        new ExtractionChild.LimitedInputStream(new ByteArrayInputStream(pdfEnd), 10_000);
    in.readAllBytes();
    assertTrue(in.tailContains("%%EOF".getBytes(StandardCharsets.US_ASCII)));
    ExtractionChild.LimitedInputStream cut =
        new ExtractionChild.LimitedInputStream(new ByteArrayInputStream(pdfEnd, 0, 4000), 10_000);
    cut.readAllBytes();
    assertTrue(!cut.tailContains("%%EOF".getBytes(StandardCharsets.US_ASCII)));
    ExtractionChild.LimitedInputStream small =
        new ExtractionChild.LimitedInputStream(new ByteArrayInputStream(pdfEnd), 100);
    assertThrows(
        ExtractionChild.LimitedInputStream.LimitExceededException.class, small::readAllBytes);
    assertTrue(small.exceeded());
  }
}

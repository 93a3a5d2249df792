package org.zhusan.vault.documents.content;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The byte protocol between {@link ContainedExtractor} (the vault) and {@link ExtractionChild}.
 *
 * <p><b>Vault → child</b>: one document after another on the child's stdin, each as frames of the
 * same shape as below: {@code S} (start; payload the media type the policy accepted, ASCII), any
 * number of {@code D} (the document's bytes, at most {@value #DATA_FRAME_BYTES} each), then {@code
 * E} (end, empty). End of stream means "no more documents": the child exits. Limits come as
 * command-line arguments ({@code key=value}); nothing about a document travels on the command line.
 *
 * <p><b>Child → vault</b>: frames on the child's stdout, each
 *
 * <pre>
 *   tag      u8     'H' hello | 'T' text | 'M' metadata entry | 'R' result
 *   length   u32    big-endian, at most {@value #MAX_FRAME_BYTES}
 *   payload  length bytes
 * </pre>
 *
 * <ul>
 *   <li>{@code H}: ASCII {@value #HELLO}, sent first, once the child's JVM runs our code;
 *   <li>{@code T}: a chunk of extracted text, UTF-8, never splitting a surrogate pair;
 *   <li>{@code M}: one metadata entry, key then value, each as {@link DataOutputStream#writeUTF};
 *   <li>{@code P}: progress of a long document, u32 pages done, u32 pages in all;
 *   <li>{@code R}: the outcome, last for each document: u8 code (0 = extracted, else {@link
 *       ExtractionResult.Reason#code}), i64 characters written. The child sends it only after it
 *       has read the document's {@code E}, so the next {@code S} starts on a frame boundary.
 * </ul>
 *
 * The child's stderr is discarded by the vault (parser messages can quote document text), and the
 * child points {@code System.out} at stderr so no library can write into the frame stream. The
 * vault treats every frame as untrusted: unknown tags, oversized frames, or frames after {@code R}
 * end the run as a protocol error.
 *
 * <p>Stateless helpers; thread-safe.
 */
final class ChildProtocol {
  static final String HELLO = "ZVX1";
  static final byte TAG_HELLO = 'H';
  static final byte TAG_TEXT = 'T';
  static final byte TAG_METADATA = 'M';
  static final byte TAG_RESULT = 'R';
  static final byte TAG_PROGRESS = 'P';
  static final byte TAG_START = 'S';
  static final byte TAG_DATA = 'D';
  static final byte TAG_END = 'E';
  static final int DATA_FRAME_BYTES = 64 * 1024;
  static final int CODE_EXTRACTED = 0;
  static final int MAX_FRAME_BYTES = 1 << 20;

  /** Characters per text frame: at most 3 bytes each in UTF-8, well under the frame limit. */
  static final int TEXT_CHUNK_CHARS = 16 * 1024;

  static final int MAX_METADATA_ENTRIES = 200;
  static final int MAX_METADATA_KEY_CHARS = 200;
  static final int MAX_METADATA_VALUE_CHARS = 4000;

  private ChildProtocol() {}

  /** A frame read from the child. */
  record Frame(byte tag, byte[] payload) {}

  /** Thrown on anything that does not follow the protocol. */
  static final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    ProtocolException(String message) {
      super(message);
    }
  }

  static void writeFrame(OutputStream out, byte tag, byte[] payload) throws IOException {
    byte[] header = ByteBuffer.allocate(5).put(tag).putInt(payload.length).array();
    out.write(header);
    out.write(payload);
  }

  /**
   * Reads one frame, or returns null at a clean end of stream (before any byte of a frame).
   *
   * @throws ProtocolException on an unknown tag, an oversized frame or a frame cut short
   */
  static Frame readFrame(DataInputStream in) throws IOException {
    return readFrame(in, TAG_HELLO, TAG_TEXT, TAG_METADATA, TAG_PROGRESS, TAG_RESULT);
  }

  /** As {@link #readFrame(DataInputStream)}, for the child: the vault's frames. */
  static Frame readRequestFrame(DataInputStream in) throws IOException {
    return readFrame(in, TAG_START, TAG_DATA, TAG_END);
  }

  private static Frame readFrame(DataInputStream in, byte... allowed) throws IOException {
    int tag = in.read();
    if (tag == -1) {
      return null;
    }
    boolean known = false;
    for (byte a : allowed) {
      known |= a == tag;
    }
    if (!known) {
      throw new ProtocolException("unknown frame tag " + tag);
    }
    try {
      int length = in.readInt();
      if (length < 0 || length > MAX_FRAME_BYTES) {
        throw new ProtocolException("frame length " + length + " out of range");
      }
      byte[] payload = new byte[length];
      in.readFully(payload);
      return new Frame((byte) tag, payload);
    } catch (EOFException e) {
      throw new ProtocolException("frame cut short");
    }
  }

  static byte[] metadataPayload(String key, String value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeUTF(truncate(key, MAX_METADATA_KEY_CHARS));
    out.writeUTF(truncate(value, MAX_METADATA_VALUE_CHARS));
    return bytes.toByteArray();
  }

  static String[] readMetadata(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
    try {
      String key = in.readUTF();
      String value = in.readUTF();
      if (in.available() != 0) {
        throw new ProtocolException("trailing bytes in metadata frame");
      }
      return new String[] {
        truncate(key, MAX_METADATA_KEY_CHARS), truncate(value, MAX_METADATA_VALUE_CHARS)
      };
    } catch (EOFException | java.io.UTFDataFormatException e) {
      throw new ProtocolException("malformed metadata frame");
    }
  }

  static byte[] resultPayload(int code, long characters) {
    return ByteBuffer.allocate(9).put((byte) code).putLong(characters).array();
  }

  static byte[] progressPayload(int done, int total) {
    return ByteBuffer.allocate(8).putInt(done).putInt(total).array();
  }

  static String decodeText(byte[] payload) throws ProtocolException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolException("text frame is not UTF-8");
    }
  }

  /** The first {@code max} characters, not ending inside a surrogate pair. */
  static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }
}

package org.zhusan.vault.documents.content;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The main class of the extraction child JVM started by {@link ContainedExtractor}: reads one
 * document from stdin, parses it with Tika's {@link AutoDetectParser} under the limits given as
 * arguments, and writes text, metadata and the outcome to stdout in the {@link ChildProtocol}
 * format. Then it halts.
 *
 * <p>Runs only in the child, which is disposable: it has its own small heap, its own temporary
 * directory (deleted by the vault afterwards) and is killed on timeout. Errors become result codes;
 * no exception message (which could quote the document) leaves this process.
 *
 * <p>Single-threaded use only (one document per process).
 */
final class ExtractionChild {
  private static final int EXTRACTED = ChildProtocol.CODE_EXTRACTED;
  private static final byte[] PDF_EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

  private ExtractionChild() {}

  public static void main(String[] args) {
    // The protocol owns the real stdout; anything a library prints goes to stderr (discarded).
    OutputStream protocol =
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 65536);
    System.setOut(System.err);
    FrameWriter text = new FrameWriter(protocol);
    int code;
    try {
      ChildProtocol.writeFrame(
          protocol,
          ChildProtocol.TAG_HELLO,
          ChildProtocol.HELLO.getBytes(StandardCharsets.US_ASCII));
      protocol.flush();
      code = run(Settings.parse(args), protocol, text);
    } catch (IOException e) {
      // stdout is gone: the vault has stopped listening; nothing left to say.
      Runtime.getRuntime().halt(2);
      return;
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      code = ExtractionResult.Reason.PARSE_ERROR.code;
    }
    try {
      ChildProtocol.writeFrame(
          protocol, ChildProtocol.TAG_RESULT, ChildProtocol.resultPayload(code, text.characters));
      protocol.flush();
    } catch (IOException e) {
      Runtime.getRuntime().halt(2);
    }
    // halt: no shutdown hooks or lingering parser threads can keep the child alive.
    Runtime.getRuntime().halt(0);
  }

  /** The limits, from {@code key=value} arguments. */
  record Settings(
      long maxInputBytes,
      int maxCharacters,
      int maxEmbeddedDepth,
      long maxCompressionRatio,
      long compressionCheckThreshold,
      int maxXmlDepth,
      boolean ocr,
      String ocrLanguages,
      int ocrTimeoutSeconds,
      String expectedType) {

    static Settings parse(String[] args) {
      Map<String, String> map = new HashMap<>();
      for (String arg : args) {
        int eq = arg.indexOf('=');
        if (eq > 0) {
          map.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
      }
      return new Settings(
          Long.parseLong(map.get("maxInputBytes")),
          Integer.parseInt(map.get("maxCharacters")),
          Integer.parseInt(map.get("maxEmbeddedDepth")),
          Long.parseLong(map.get("maxCompressionRatio")),
          Long.parseLong(map.get("compressionCheckThreshold")),
          Integer.parseInt(map.get("maxXmlDepth")),
          Boolean.parseBoolean(map.get("ocr")),
          map.getOrDefault("ocrLanguages", "eng"),
          Integer.parseInt(map.getOrDefault("ocrTimeoutSeconds", "60")),
          map.getOrDefault("expectedType", ""));
    }

    static String[] toArgs(
        ExtractionLimits limits, OcrSupport ocr, int ocrTimeoutSeconds, String expectedType) {
      return new String[] {
        "maxInputBytes=" + limits.maxInputBytes(),
        "maxCharacters=" + limits.maxCharacters(),
        "maxEmbeddedDepth=" + limits.maxEmbeddedDepth(),
        "maxCompressionRatio=" + limits.maxCompressionRatio(),
        "compressionCheckThreshold=" + limits.compressionCheckThreshold(),
        "maxXmlDepth=" + limits.maxXmlDepth(),
        "ocr=" + ocr.enabled(),
        "ocrLanguages=" + (ocr.enabled() ? ocr.tesseractLanguages() : "eng"),
        "ocrTimeoutSeconds=" + ocrTimeoutSeconds,
        "expectedType=" + expectedType
      };
    }
  }

  static int run(Settings settings, OutputStream protocol, FrameWriter text) throws IOException {
    LimitedInputStream input =
        new LimitedInputStream(new BufferedInputStream(System.in, 65536), settings.maxInputBytes());
    TikaConfig config;
    try {
      config = TikaConfig.getDefaultConfig();
    } catch (RuntimeException e) {
      return ExtractionResult.Reason.START_FAILED.code;
    }
    AutoDetectParser parser = new AutoDetectParser(config);
    parser.setAutoDetectParserConfig(
        new AutoDetectParserConfig(
            null, // never spool by size: parsers that need a file spool to the private tmpdir
            settings.compressionCheckThreshold(),
            settings.maxCompressionRatio(),
            settings.maxXmlDepth(),
            null)); // package-entry nesting: Tika's default; embedded depth is limited below

    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    DepthLimitedExtractor embedded =
        new DepthLimitedExtractor(context, settings.maxEmbeddedDepth());
    context.set(EmbeddedDocumentExtractor.class, embedded);
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    if (settings.ocr()) {
      ocr.setLanguage(settings.ocrLanguages());
      ocr.setTimeoutSeconds(settings.ocrTimeoutSeconds());
    } else {
      ocr.setSkipOcr(true);
    }
    context.set(TesseractOCRConfig.class, ocr);
    // Stream DOCX text through SAX instead of loading the whole document into a DOM, so text and
    // compression-ratio limits stop a bomb early rather than the heap limit late.
    OfficeParserConfig office = new OfficeParserConfig();
    office.setUseSAXDocxExtractor(true);
    context.set(OfficeParserConfig.class, office);

    Metadata metadata = new Metadata(); // deliberately empty: no client file name or type
    int code;
    String detected = "";
    try (TemporaryResources tmp = new TemporaryResources();
        TikaInputStream tis = TikaInputStream.get(input, tmp, new Metadata())) {
      tis.mark(1);
      if (tis.read() == -1) {
        return ExtractionResult.Reason.EMPTY.code;
      }
      tis.reset();
      MediaType type = config.getDetector().detect(tis, new Metadata());
      detected = type.getBaseType().toString().toLowerCase(Locale.ROOT);
      if (!settings.expectedType().isEmpty() && !settings.expectedType().equals(detected)) {
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        writeMetadata(protocol, metadata);
        return ExtractionResult.Reason.TYPE_MISMATCH.code;
      }
      ContentHandler handler =
          new BodyContentHandler(
              new WriteOutContentHandler(
                  new ToTextContentHandler(text), settings.maxCharacters(), true, context));
      parser.parse(tis, handler, metadata, context);
      text.flush();
      input.transferTo(OutputStream.nullOutputStream()); // whatever the parser left, for the tail
      code = EXTRACTED;
      if (detected.equals("application/pdf") && !input.tailContains(PDF_EOF)) {
        // PDF readers look for %%EOF in the last 1024 bytes; without it the file was cut short,
        // and what the lenient parser recovered is not the whole document.
        code = ExtractionResult.Reason.TRUNCATED.code;
      }
    } catch (Exception e) {
      flushQuietly(text);
      code = classify(e);
    } catch (StackOverflowError e) {
      code = ExtractionResult.Reason.PARSE_ERROR.code;
    }
    if (input.exceeded()) {
      return ExtractionResult.Reason.INPUT_LIMIT.code;
    }
    if (embedded.limitReached) {
      metadata.set("X-Vault:embedded-depth-limit-reached", "true");
    }
    writeMetadata(protocol, metadata);
    if (code == EXTRACTED && !settings.ocr() && needsOcr(detected, text)) {
      return ExtractionResult.Reason.OCR_UNAVAILABLE.code;
    }
    return code;
  }

  /** Images, and PDFs without any text (scans), have their text only in pixels. */
  private static boolean needsOcr(String type, FrameWriter text) {
    return type.startsWith("image/") || (type.equals("application/pdf") && !text.sawNonWhitespace);
  }

  static int classify(Throwable e) {
    if (WriteLimitReachedException.isWriteLimitReached(e)) {
      return ExtractionResult.Reason.TEXT_LIMIT.code;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LimitedInputStream.LimitExceededException) {
        return ExtractionResult.Reason.INPUT_LIMIT.code;
      }
      if (t instanceof EncryptedDocumentException
          || t instanceof org.apache.poi.EncryptedDocumentException
          || t.getClass().getName().endsWith("InvalidPasswordException")) {
        return ExtractionResult.Reason.ENCRYPTED.code;
      }
      if (t instanceof ZeroByteFileException) {
        return ExtractionResult.Reason.EMPTY.code;
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      // Tika's SecureContentHandler and POI's ZipSecureFile say so in their (fixed) messages.
      if (message.contains("zip bomb")) {
        return message.contains("nesting")
            ? ExtractionResult.Reason.NESTING_LIMIT.code
            : ExtractionResult.Reason.ZIP_BOMB.code;
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return ExtractionResult.Reason.PARSE_ERROR.code;
  }

  private static void writeMetadata(OutputStream protocol, Metadata metadata) throws IOException {
    int written = 0;
    for (String name : metadata.names()) {
      if (written >= ChildProtocol.MAX_METADATA_ENTRIES) {
        break;
      }
      if (name.startsWith("X-TIKA:EXCEPTION") || name.startsWith("X-TIKA:content")) {
        continue; // stack traces and content can quote the document
      }
      String value = String.join("; ", metadata.getValues(name));
      ChildProtocol.writeFrame(
          protocol, ChildProtocol.TAG_METADATA, ChildProtocol.metadataPayload(name, value));
      written++;
    }
    protocol.flush();
  }

  private static void flushQuietly(Writer writer) {
    try {
      writer.flush();
    } catch (IOException ignored) {
      // the result frame will fail as well and end the child
    }
  }

  /** Parses embedded documents only down to a depth; deeper ones are skipped and noted. */
  static final class DepthLimitedExtractor extends ParsingEmbeddedDocumentExtractor {
    private final int maxDepth;
    private int depth;
    boolean limitReached;

    DepthLimitedExtractor(ParseContext context, int maxDepth) {
      super(context);
      this.maxDepth = maxDepth;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      if (depth >= maxDepth) {
        limitReached = true;
        return false;
      }
      return super.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(
        InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
        throws SAXException, IOException {
      depth++;
      try {
        super.parseEmbedded(stream, handler, metadata, outputHtml);
      } finally {
        depth--;
      }
    }
  }

  /**
   * Writes text as {@code T} frames of at most {@link ChildProtocol#TEXT_CHUNK_CHARS} characters.
   */
  static final class FrameWriter extends Writer {
    private final OutputStream out;
    private final StringBuilder buffer = new StringBuilder(ChildProtocol.TEXT_CHUNK_CHARS + 1);
    long characters;
    boolean sawNonWhitespace;

    FrameWriter(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      for (int i = offset; i < offset + length; i++) {
        char c = chars[i];
        if (!sawNonWhitespace && !Character.isWhitespace(c)) {
          sawNonWhitespace = true;
        }
        buffer.append(c);
        if (buffer.length() >= ChildProtocol.TEXT_CHUNK_CHARS) {
          emit(false);
        }
      }
      characters += length;
    }

    private void emit(boolean all) throws IOException {
      int end = buffer.length();
      if (!all && end > 0 && Character.isHighSurrogate(buffer.charAt(end - 1))) {
        end--; // keep a pair together: send its first half with the next chunk
      }
      if (end == 0) {
        return;
      }
      ChildProtocol.writeFrame(
          out, ChildProtocol.TAG_TEXT, buffer.substring(0, end).getBytes(StandardCharsets.UTF_8));
      buffer.delete(0, end);
    }

    @Override
    public void flush() throws IOException {
      emit(true);
      out.flush();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** Counts bytes and fails once more than the limit have been read. */
  static final class LimitedInputStream extends FilterInputStream {
    static final class LimitExceededException extends IOException {
      private static final long serialVersionUID = 1L;

      LimitExceededException() {
        super("input size limit exceeded");
      }
    }

    static final int TAIL_BYTES = 1024;
    private final long limit;
    private long count;
    private long mark;
    private final byte[] tail = new byte[TAIL_BYTES];
    private int tailEnd;
    private boolean tailFull;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    boolean exceeded() {
      return count > limit;
    }

    /** Whether the last {@value #TAIL_BYTES} bytes read contain {@code needle}. */
    boolean tailContains(byte[] needle) {
      byte[] last = new byte[tailFull ? TAIL_BYTES : tailEnd];
      if (tailFull) {
        System.arraycopy(tail, tailEnd, last, 0, TAIL_BYTES - tailEnd);
        System.arraycopy(tail, 0, last, TAIL_BYTES - tailEnd, tailEnd);
      } else {
        System.arraycopy(tail, 0, last, 0, tailEnd);
      }
      outer:
      for (int i = 0; i + needle.length <= last.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (last[i + j] != needle[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1) {
        count(1);
        remember(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
        remember(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Read rather than skip, so the tail stays right.
      byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
      int read = read(buffer, 0, buffer.length);
      return Math.max(read, 0);
    }

    private void remember(byte[] b, int off, int n) {
      int start = Math.max(off, off + n - TAIL_BYTES);
      for (int i = start; i < off + n; i++) {
        tail[tailEnd] = b[i];
        tailEnd = (tailEnd + 1) % TAIL_BYTES;
        if (tailEnd == 0) {
          tailFull = true;
        }
      }
    }

    @Override
    public synchronized void mark(int readlimit) {
      super.mark(readlimit);
      mark = count;
    }

    @Override
    public synchronized void reset() throws IOException {
      super.reset();
      count = mark;
    }

    private void count(long n) throws LimitExceededException {
      count += n;
      if (count > limit) {
        throw new LimitExceededException();
      }
    }
  }
}

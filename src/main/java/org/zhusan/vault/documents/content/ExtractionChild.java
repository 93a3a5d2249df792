package org.zhusan.vault.documents.content;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The main class of the extraction child JVM started by {@link ContainedExtractor}: loads Tika
 * once, then reads one document after another from stdin ({@link ChildProtocol}), parses each with
 * Tika's {@link AutoDetectParser} under the limits given as arguments, writes text, metadata and
 * the outcome to stdout, and deletes whatever parsers spooled for it. At the end of stdin (the
 * vault recycles the child, or has died) it halts.
 *
 * <p>Runs only in the child, which is disposable: it has its own small heap, its own temporary
 * directory (deleted by the vault afterwards) and is killed on timeout. Errors become result codes;
 * no exception message (which could quote the document) leaves this process.
 *
 * <p>Single-threaded: one document at a time.
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
    DataInputStream requests =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 65536));
    Settings settings = Settings.parse(args);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try {
      // Tika's configuration and parsers are loaded once: this is what makes a warm child fast.
      Parsing parsing = Parsing.load();
      ChildProtocol.writeFrame(
          protocol,
          ChildProtocol.TAG_HELLO,
          ChildProtocol.HELLO.getBytes(StandardCharsets.US_ASCII));
      protocol.flush();
      for (ChildProtocol.Frame start = ChildProtocol.readRequestFrame(requests);
          start != null;
          start = ChildProtocol.readRequestFrame(requests)) {
        if (start.tag() != ChildProtocol.TAG_START) {
          break;
        }
        // Parsers spool here: it must exist (private) for every document, even if it was removed.
        Files.createDirectories(
            tmp,
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        serve(
            settings,
            parsing,
            new String(start.payload(), StandardCharsets.US_ASCII),
            requests,
            protocol);
        removeContents(tmp);
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      // stdin or stdout is gone, or the vault broke the protocol: nothing left to do.
      Runtime.getRuntime().halt(2);
    }
    // halt: no shutdown hooks or lingering parser threads can keep the child alive.
    Runtime.getRuntime().halt(0);
  }

  /** One document: parse it, read its input to the end frame, then send the result. */
  private static void serve(
      Settings settings,
      Parsing parsing,
      String expectedType,
      DataInputStream requests,
      OutputStream protocol)
      throws IOException {
    DocumentInput input = new DocumentInput(requests);
    FrameWriter text = new FrameWriter(protocol);
    int code;
    try {
      code = run(settings, parsing, expectedType, input, protocol, text);
    } catch (ChildProtocol.ProtocolException e) {
      throw e;
    } catch (IOException e) {
      // Writing to stdout failed: the vault stopped listening.
      throw e;
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      code = ExtractionResult.Reason.PARSE_ERROR.code;
    }
    input.skipToEnd();
    ChildProtocol.writeFrame(
        protocol, ChildProtocol.TAG_RESULT, ChildProtocol.resultPayload(code, text.characters));
    protocol.flush();
  }

  /** Deletes what parsers spooled for the last document, so nothing outlives it. */
  private static void removeContents(Path dir) {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .filter(p -> !p.equals(dir))
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // the vault deletes the whole directory when the child ends
                }
              });
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // as above
    }
  }

  /**
   * Tika's configuration and parser, loaded once per child. {@link #parser} detects the type of
   * every document it is given (embedded ones included).
   */
  record Parsing(TikaConfig config, AutoDetectParser parser) {
    static Parsing load() {
      TikaConfig config = TikaConfig.getDefaultConfig();
      return new Parsing(config, new AutoDetectParser(config));
    }

    /**
     * A parser for a top-level document whose type was just detected from its bytes, with the same
     * configuration and limits as {@link #parser}: Tika's {@link AutoDetectParser} detects the type
     * on every parse, so without it each document would be detected twice; detection tries every
     * magic pattern of Tika's registry and costs a C1-compiled child 1.4–2 ms per document
     * (docs/extraction.md, section 6). The result is the same: detection depends only on the bytes
     * and the (empty) metadata, both unchanged. Embedded documents still go through {@link
     * #parser}.
     */
    AutoDetectParser detectedAs(MediaType type) {
      AutoDetectParser topLevel = new AutoDetectParser(config);
      topLevel.setDetector((input, metadata) -> type);
      topLevel.setAutoDetectParserConfig(parser.getAutoDetectParserConfig());
      return topLevel;
    }
  }

  /**
   * One document's bytes, read from the vault's {@code D} frames up to its {@code E} frame. Closing
   * it does nothing: {@link #skipToEnd()} reads whatever the parser left.
   */
  static final class DocumentInput extends InputStream {
    private final DataInputStream requests;
    private byte[] frame = new byte[0];
    private int position;
    private boolean ended;

    DocumentInput(DataInputStream requests) {
      this.requests = requests;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (position == frame.length) {
        if (ended) {
          return -1;
        }
        ChildProtocol.Frame next = ChildProtocol.readRequestFrame(requests);
        if (next == null || next.tag() == ChildProtocol.TAG_START) {
          throw new ChildProtocol.ProtocolException("document not ended");
        }
        if (next.tag() == ChildProtocol.TAG_END) {
          ended = true;
          frame = new byte[0];
        } else {
          frame = next.payload();
        }
        position = 0;
      }
      int n = Math.min(len, frame.length - position);
      System.arraycopy(frame, position, b, off, n);
      position += n;
      return n;
    }

    void skipToEnd() throws IOException {
      byte[] buffer = new byte[8192];
      while (read(buffer, 0, buffer.length) != -1) {
        // discard
      }
    }

    @Override
    public void close() {
      // the vault's stream carries the next document too
    }
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
      int ocrTimeoutSeconds) {

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
          Integer.parseInt(map.getOrDefault("ocrTimeoutSeconds", "60")));
    }

    static String[] toArgs(ExtractionLimits limits, OcrSupport ocr, int ocrTimeoutSeconds) {
      return new String[] {
        "maxInputBytes=" + limits.maxInputBytes(),
        "maxCharacters=" + limits.maxCharacters(),
        "maxEmbeddedDepth=" + limits.maxEmbeddedDepth(),
        "maxCompressionRatio=" + limits.maxCompressionRatio(),
        "compressionCheckThreshold=" + limits.compressionCheckThreshold(),
        "maxXmlDepth=" + limits.maxXmlDepth(),
        "ocr=" + ocr.enabled(),
        "ocrLanguages=" + (ocr.enabled() ? ocr.tesseractLanguages() : "eng"),
        "ocrTimeoutSeconds=" + ocrTimeoutSeconds
      };
    }
  }

  static int run(
      Settings settings,
      Parsing parsing,
      String expectedType,
      InputStream source,
      OutputStream protocol,
      FrameWriter text)
      throws IOException {
    LimitedInputStream input = new LimitedInputStream(source, settings.maxInputBytes());
    TikaConfig config = parsing.config();
    AutoDetectParser parser = parsing.parser();
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
      if (!expectedType.isEmpty() && !expectedType.equals(detected)) {
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        writeMetadata(protocol, metadata);
        return ExtractionResult.Reason.TYPE_MISMATCH.code;
      }
      boolean pageWise = settings.ocr() && PageOcr.handles(detected);
      Path spooled = null;
      if (pageWise) {
        // Long scans are OCR'd page by page below, with progress; Tika does the text layer and
        // metadata only. The document is spooled to the private directory (tmpfs) to be read twice.
        spooled = tis.getPath();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, noOcr);
      }
      ContentHandler handler =
          new BodyContentHandler(
              new WriteOutContentHandler(
                  new ToTextContentHandler(text), settings.maxCharacters(), true, context));
      parsing.detectedAs(type).parse(tis, handler, metadata, context);
      text.flush();
      input.transferTo(OutputStream.nullOutputStream()); // whatever the parser left, for the tail
      code = EXTRACTED;
      if (detected.equals("application/pdf") && !input.tailContains(PDF_EOF)) {
        // PDF readers look for %%EOF in the last 1024 bytes; without it the file was cut short,
        // and what the lenient parser recovered is not the whole document.
        code = ExtractionResult.Reason.TRUNCATED.code;
      }
      if (code == EXTRACTED && pageWise) {
        int pages =
            PageOcr.run(
                spooled,
                detected,
                new PageOcr.Options(
                    settings.ocrLanguages(),
                    settings.ocrTimeoutSeconds(),
                    settings.maxCharacters(),
                    Path.of(System.getProperty("java.io.tmpdir"))),
                text,
                protocol);
        code = pages == 0 ? EXTRACTED : pages;
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

package org.zhusan.vault.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds streaming multipart/form-data uploads for the tests (fields first, then the file). */
public final class Multipart {
  private final String boundary = "----zhusan" + UUID.randomUUID();
  private final Map<String, String> fields = new LinkedHashMap<>();
  private byte[] fileNameHeader = "file.bin".getBytes(StandardCharsets.UTF_8);
  private Supplier<InputStream> file;
  private String fileContentType = "application/octet-stream";

  public Multipart field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  public Multipart file(String fileName, byte[] content) {
    return file(fileName.getBytes(StandardCharsets.UTF_8), () -> new ByteArrayInputStream(content));
  }

  /** A file part whose name is given as raw header bytes (to test non-UTF-8 names). */
  public Multipart file(byte[] rawFileName, Supplier<InputStream> content) {
    this.fileNameHeader = rawFileName;
    this.file = content;
    return this;
  }

  public Multipart contentType(String ct) {
    this.fileContentType = ct;
    return this;
  }

  /** The request, to any vault instance (for tests that talk to a second instance). */
  public HttpRequest request(String baseUrl, String path, String token) {
    return HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", contentType())
        .POST(HttpRequest.BodyPublishers.ofInputStream(this::body))
        .build();
  }

  /** Posts to any vault instance. */
  public HttpResponse<String> postTo(String baseUrl, String path, String token)
      throws IOException, InterruptedException {
    return Http.send(request(baseUrl, path, token));
  }

  public HttpResponse<String> post(String path, String token)
      throws IOException, InterruptedException {
    return Http.send(
        Http.request(path, token)
            .header("Content-Type", contentType())
            .POST(HttpRequest.BodyPublishers.ofInputStream(this::body))
            .build());
  }

  /**
   * Posts with a known Content-Length and {@code Expect: 100-continue}, so a server that refuses
   * the request from its headers (e.g. 413) answers before the body is sent.
   */
  public HttpResponse<String> postExpectingContinue(String path, String token)
      throws IOException, InterruptedException {
    byte[] all = bytes();
    return Http.send(
        Http.request(path, token)
            .header("Content-Type", contentType())
            .expectContinue(true)
            .POST(HttpRequest.BodyPublishers.ofByteArray(all))
            .build());
  }

  /** The value of the request's {@code Content-Type} header. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The whole body in memory, for clients that send it with a {@code Content-Length}. */
  public byte[] bytes() throws IOException {
    try (InputStream in = body()) {
      return in.readAllBytes();
    }
  }

  private InputStream body() {
    List<InputStream> parts = new ArrayList<>();
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (k, v) ->
            head.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    parts.add(new ByteArrayInputStream(head.toString().getBytes(StandardCharsets.UTF_8)));
    if (file != null) {
      byte[] pre =
          ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
              .getBytes(StandardCharsets.UTF_8);
      byte[] post =
          ("\"\r\nContent-Type: " + fileContentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
      parts.add(new ByteArrayInputStream(pre));
      parts.add(new ByteArrayInputStream(fileNameHeader));
      parts.add(new ByteArrayInputStream(post));
      parts.add(file.get());
      parts.add(new ByteArrayInputStream("\r\n".getBytes(StandardCharsets.UTF_8)));
    }
    parts.add(
        new ByteArrayInputStream(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
    return new SequenceInputStream(Collections.enumeration(parts));
  }
}

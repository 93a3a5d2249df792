package org.zhusan.vault.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streaming needs a {@link DocumentDownloads.Download}, and only an authorisation makes one. */
class DocumentDownloadsTest {

  @Test
  void aDownloadHasNoConstructorOrFactoryOutsideDocumentDownloads() {
    Class<?> download = DocumentDownloads.Download.class;
    assertTrue(Modifier.isFinal(download.getModifiers()), "not subclassable");
    for (Constructor<?> c : download.getDeclaredConstructors()) {
      assertTrue(Modifier.isPrivate(c.getModifiers()), c.toString());
    }
    for (Method m : download.getDeclaredMethods()) {
      assertFalse(
          Modifier.isStatic(m.getModifiers()) && m.getReturnType() == download, m.toString());
    }
  }

  @Test
  void onlyAuthorizeReturnsADownloadAndStreamingTakesOne() throws Exception {
    List<String> makers =
        Arrays.stream(DocumentDownloads.class.getDeclaredMethods())
            .filter(m -> m.getReturnType() == DocumentDownloads.Download.class && !m.isSynthetic())
            .map(Method::getName)
            .toList();
    assertEquals(List.of("authorize"), makers);
    Method stream =
        DocumentDownloads.class.getMethod(
            "stream", DocumentDownloads.Download.class, java.io.OutputStream.class);
    assertTrue(Modifier.isPublic(stream.getModifiers()));
  }
}

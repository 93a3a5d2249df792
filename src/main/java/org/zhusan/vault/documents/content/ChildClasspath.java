package org.zhusan.vault.documents.content;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.tika.config.TikaConfig;

/**
 * Works out the classpath of the extraction child JVM: this package's classes, Tika and everything
 * Tika's parsers need. Pass the result to {@link ContainedExtractor}'s constructor.
 *
 * <p>{@link #derive()} tries, in order:
 *
 * <ol>
 *   <li><b>A flat library directory</b> — the case inside Payara Micro: the code source of Tika's
 *       {@code tika-core} jar ({@code TikaConfig.class.getProtectionDomain().getCodeSource()}) is a
 *       jar in the deployed application's {@code WEB-INF/lib}. If that directory also holds Tika's
 *       parser modules, every jar in it is taken, plus the code source of this package's classes
 *       ({@code WEB-INF/classes}). The same rule covers {@code target/lib} of the command-line
 *       build.
 *   <li><b>The JVM's own classpath</b> — tests, benchmarks and plain {@code java -cp} runs: when
 *       the system class loader itself loads both Tika and this package, {@code java.class.path} is
 *       reused (a manifest-only jar, as surefire uses, works as well).
 * </ol>
 *
 * and otherwise fails with an {@link IllegalStateException} asking for an explicit classpath.
 * Payara deploys the WAR exploded into its runtime directory, so the derived paths stay valid while
 * the application is deployed; derive again after a redeployment.
 *
 * <p>Stateless; thread-safe.
 */
public final class ChildClasspath {
  private ChildClasspath() {}

  /**
   * The classpath for the child JVM, derived as described above.
   *
   * @throws IllegalStateException if neither rule applies
   */
  public static List<Path> derive() {
    Path tikaCore =
        codeSource(TikaConfig.class)
            .orElseThrow(() -> new IllegalStateException("tika-core has no code source"));
    Path own =
        codeSource(ExtractionChild.class)
            .orElseThrow(() -> new IllegalStateException("the extractor has no code source"));
    Optional<List<Path>> flat = flatLibraryDirectory(tikaCore, own);
    if (flat.isPresent()) {
      return flat.get();
    }
    if (systemLoaderSees(TikaConfig.class) && systemLoaderSees(ExtractionChild.class)) {
      return Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
          .filter(s -> !s.isBlank())
          .map(Path::of)
          .collect(Collectors.toUnmodifiableList());
    }
    throw new IllegalStateException(
        "Cannot derive the extraction classpath from "
            + tikaCore
            + "; pass the jars to ContainedExtractor explicitly.");
  }

  /** The classpath as one string for {@code java -cp}. */
  static String join(List<Path> classpath) {
    return classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  static Optional<List<Path>> flatLibraryDirectory(Path tikaCore, Path own) {
    Path dir = tikaCore.getParent();
    if (dir == null || !Files.isRegularFile(tikaCore)) {
      return Optional.empty();
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(dir)) {
      jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      return Optional.empty();
    }
    boolean hasParsers =
        jars.stream().anyMatch(p -> p.getFileName().toString().startsWith("tika-parser-"));
    if (!hasParsers) {
      return Optional.empty();
    }
    Set<Path> entries = new LinkedHashSet<>();
    entries.add(own);
    entries.addAll(jars);
    return Optional.of(List.copyOf(new ArrayList<>(entries)));
  }

  private static boolean systemLoaderSees(Class<?> type) {
    try {
      return Class.forName(type.getName(), false, ClassLoader.getSystemClassLoader()) == type;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Where a class was loaded from: a jar file or a classes directory. */
  /**
   * Payara's web class loader reports a class in {@code WEB-INF/classes} by the path of the class
   * file itself; walk up the package directories to the classes root.
   */
  static Path classesRoot(Path location, Class<?> type) {
    if (!location.toString().endsWith(".class")) {
      return location;
    }
    Path root = location.getParent();
    int depth = type.getPackageName().isEmpty() ? 0 : type.getPackageName().split("\\.").length;
    for (int i = 0; i < depth && root != null; i++) {
      root = root.getParent();
    }
    return root == null ? location : root;
  }

  static Optional<Path> codeSource(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    URL location = source.getLocation();
    try {
      String text = location.toString();
      if (text.startsWith("jar:")) {
        // jar:file:/…/x.jar!/ — keep the file part
        int bang = text.indexOf("!/");
        text = text.substring(4, bang < 0 ? text.length() : bang);
        return Optional.of(Path.of(new java.net.URI(text)));
      }
      if (!"file".equals(location.getProtocol())) {
        return Optional.empty();
      }
      return Optional.of(classesRoot(Path.of(location.toURI()), type));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

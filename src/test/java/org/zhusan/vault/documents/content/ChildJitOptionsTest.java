package org.zhusan.vault.documents.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChildJitOptionsTest {
  @Test
  void theDefaultIsTheC1CompilerOnly() {
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), ChildJitOptions.defaults().options());
  }

  @Test
  void optionsAreSeparatedByWhiteSpaceAndBlankMeansTheJvmsDefaults() {
    assertEquals(
        List.of("-XX:TieredStopAtLevel=4", "-XX:CICompilerCount=2"),
        ChildJitOptions.parse("  -XX:TieredStopAtLevel=4 \t -XX:CICompilerCount=2 ").options());
    assertEquals(List.of(), ChildJitOptions.parse(" ").options());
    assertEquals(List.of(), ChildJitOptions.parse(null).options());
  }

  /** Anything that could loosen the child's isolation is refused, naming the option. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "-Xmx4g",
        "-XX:+HeapDumpOnOutOfMemoryError",
        "-XX:-ExitOnOutOfMemoryError",
        "-XX:+CreateCoredumpOnCrash",
        "-Djava.io.tmpdir=/var/tmp",
        "-XX:TieredStopAtLevel=1;-Xmx4g",
        "-javaagent:/tmp/agent.jar",
        "-XX:Flags=/tmp/flags",
        "@/tmp/argfile"
      })
  void anythingButAJitOptionIsRefused(String option) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ChildJitOptions.parse("-XX:TieredStopAtLevel=1 " + option));
    assertTrue(e.getMessage().contains(option), e.getMessage());
  }

  @Test
  void theJitOptionsComeBeforeTheIsolationOptionsSoThoseWin(@TempDir Path spool) throws Exception {
    try (ContainedExtractor extractor =
        new ContainedExtractor(
            ExtractionLimits.defaults(),
            ChildClasspath.derive(),
            OcrSupport.disabled(),
            spool,
            Thread::new,
            ChildJitOptions.parse("-XX:TieredStopAtLevel=1 -XX:CICompilerCount=2"))) {
      Path work = Files.createDirectory(spool.resolve("work"));
      List<String> command = extractor.processBuilder(work).command();
      assertEquals("-XX:TieredStopAtLevel=1", command.get(1));
      assertEquals("-XX:CICompilerCount=2", command.get(2));
      assertTrue(command.get(3).startsWith("-Xmx"), command.toString());
      assertTrue(command.contains("-XX:+ExitOnOutOfMemoryError"));
    }
  }
}

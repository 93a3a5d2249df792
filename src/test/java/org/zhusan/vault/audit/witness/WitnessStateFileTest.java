package org.zhusan.vault.audit.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessStateFileTest {

  @TempDir Path dir;

  @Test
  void aMissingFileIsTheInitialState() throws Exception {
    assertEquals(WitnessState.initial(), new WitnessStateFile(dir.resolve("new")).load());
  }

  @Test
  void aSavedStateLoadsBackAndNoTemporaryFileIsLeft() throws Exception {
    TestLog log = TestLog.withSeed(1).append(5);
    WitnessState first = WitnessState.cosigned(log.note());
    WitnessState second = WitnessState.cosigned(log.append(2).note());
    WitnessStateFile file = new WitnessStateFile(dir);
    file.save(first);
    file.save(second);
    assertEquals(second, new WitnessStateFile(dir).load());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve(WitnessStateFile.FILE_NAME)), files.toList());
    }
  }

  @Test
  void aCorruptFileIsRefused() throws Exception {
    TestLog log = TestLog.withSeed(1).append(5);
    WitnessStateFile file = new WitnessStateFile(dir);
    file.save(WitnessState.cosigned(log.note()));
    Path path = dir.resolve(WitnessStateFile.FILE_NAME);
    Files.writeString(path, Files.readString(path).replace("size 5", "size 4"));
    assertThrows(IllegalArgumentException.class, file::load);
    Files.writeString(path, "garbage");
    assertThrows(IllegalArgumentException.class, file::load);
  }
}

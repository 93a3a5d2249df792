package org.zhusan.vault.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the configuration in one place per capability and the README's table true: every setting is
 * read by a {@code *Settings} class, each name by one class only, each default written once (in the
 * class, or for the database's in {@code microprofile-config.properties}), and the README lists
 * every {@code vault.*} setting with that default and no setting that does not exist.
 */
class ConfigurationTableTest {
  /** A setting as the code reads it. */
  record Setting(String name, String declaredIn, String defaultValue) {
    String environmentVariable() {
      return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
  }

  private static final Pattern README_ROW =
      Pattern.compile("^\\| `([A-Z][A-Z0-9_]+)`([^|]*)\\|([^|]*)\\|", Pattern.MULTILINE);

  private static List<JavaField> configFields;
  private static Map<String, Setting> settings;
  private static Properties fileDefaults;
  private static Map<String, String> readmeRows;

  @BeforeAll
  static void read() throws IOException {
    configFields = new ArrayList<>();
    settings = new TreeMap<>();
    fileDefaults = new Properties();
    try (InputStream in =
        ConfigurationTableTest.class.getResourceAsStream(
            "/META-INF/microprofile-config.properties")) {
      fileDefaults.load(in);
    }
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.zhusan.vault")) {
      String prefix =
          c.tryGetAnnotationOfType(ConfigProperties.class).map(p -> p.prefix() + ".").orElse("");
      for (JavaField f : c.getFields()) {
        f.tryGetAnnotationOfType(ConfigProperty.class)
            .ifPresent(
                p -> {
                  configFields.add(f);
                  String name = prefix + p.name();
                  String annotated =
                      p.defaultValue().equals(ConfigProperty.UNCONFIGURED_VALUE)
                          ? null
                          : p.defaultValue();
                  Setting s =
                      new Setting(
                          name,
                          c.getSimpleName(),
                          annotated != null ? annotated : fileDefaults.getProperty(name));
                  Setting before = settings.put(name, s);
                  assertTrue(
                      before == null || before.declaredIn().equals(s.declaredIn()),
                      name
                          + " is read by both "
                          + (before == null ? "" : before.declaredIn())
                          + " and "
                          + s.declaredIn());
                  assertTrue(
                      annotated == null || !fileDefaults.containsKey(name),
                      name
                          + " has a default both in "
                          + c.getSimpleName()
                          + " and in microprofile-config.properties");
                });
      }
    }
    readmeRows = new TreeMap<>();
    Matcher m =
        README_ROW.matcher(
            Files.readString(Path.of(System.getProperty("vault.repo.root", "."), "README.md")));
    while (m.find()) {
      readmeRows.put(m.group(1), m.group(2) + "|" + m.group(3));
    }
  }

  @Test
  void settingsAreReadOnlyBySettingsClasses() {
    for (JavaField f : configFields) {
      assertTrue(
          f.getOwner().getSimpleName().endsWith("Settings"),
          f.getFullName() + " reads configuration outside its capability's settings class");
    }
    assertTrue(settings.size() > 30, "found only " + settings.keySet());
  }

  @Test
  void theReadmeListsEverySettingWithItsDefault() {
    for (Setting s : settings.values()) {
      if (!s.name().startsWith("vault.")) {
        continue; // MicroProfile's own settings are documented where they are used
      }
      String row = readmeRows.get(s.environmentVariable());
      assertTrue(
          row != null,
          "README's configuration table lacks " + s.environmentVariable() + " (" + s.name() + ")");
      if (s.defaultValue() != null) {
        String defaultCell = row.substring(row.indexOf('|') + 1);
        assertTrue(
            defaultCell.contains("`" + s.defaultValue() + "`"),
            s.environmentVariable()
                + ": README's default column does not say `"
                + s.defaultValue()
                + "`: "
                + defaultCell);
      }
    }
  }

  @Test
  void theReadmeListsNoSettingThatDoesNotExist() {
    for (Map.Entry<String, String> row : readmeRows.entrySet()) {
      boolean launcherOnly = row.getValue().contains("run --");
      boolean isVaultSetting = row.getKey().startsWith("VAULT_") && !launcherOnly;
      if (isVaultSetting) {
        assertTrue(
            settings.values().stream().anyMatch(s -> s.environmentVariable().equals(row.getKey())),
            "README lists " + row.getKey() + ", which no settings class reads");
      }
    }
  }

  @Test
  void thePropertiesFileDefaultsOnlySettingsThatAreRead() {
    for (String key : fileDefaults.stringPropertyNames()) {
      if (key.startsWith("vault.")) {
        assertTrue(
            settings.containsKey(key),
            "microprofile-config.properties sets " + key + ", which nothing reads");
      }
    }
    assertEquals(
        List.of("vault.db.url", "vault.db.user"),
        fileDefaults.stringPropertyNames().stream()
            .filter(k -> k.startsWith("vault."))
            .sorted()
            .toList(),
        "only the database's defaults live in microprofile-config.properties (the data source reads"
            + " them early)");
  }
}

package org.zhusan.vault;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure docs/architecture.md draws: arrows between capability packages point one
 * way, and the pure cores (the cryptographic primitives, the Merkle tree and its offline verifier,
 * the policy, the content pipeline, the signed canonical-JSON files, the PDF layout, the
 * certificates of destruction, the disclosure packages and the suppressed report tables) import
 * nothing of the server (a pure core may use another pure core: the certificates and the disclosure
 * packages share the signed canonical-JSON file and the PDF layout), so they can be read, tested
 * and reused (the CLI verifier) without a container.
 */
class ArchitectureTest {
  private static final String[] PURE_CORES = {
    "..vault.crypto..",
    "..vault.audit.tree..",
    "..vault.audit.verify..",
    "..vault.access.policy..",
    "..vault.documents.content..",
    "..vault.signedjson..",
    "..vault.pdf..",
    "..vault.records.certificate..",
    "..vault.disclosure.bundle..",
    "..vault.reports.table..",
    "..vault.audit.witness.."
  };

  private static JavaClasses vault;

  @BeforeAll
  static void importProductionClasses() {
    vault =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.zhusan.vault");
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.zhusan.vault.(**)").should().beFreeOfCycles().check(vault);
  }

  @Test
  void pureCoresImportNoServerCode() {
    noClasses()
        .that()
        .resideInAnyPackage(PURE_CORES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.enterprise..",
            "jakarta.inject..",
            "jakarta.persistence..",
            "jakarta.transaction..",
            "jakarta.ws.rs..",
            "jakarta.servlet..",
            "org.eclipse.microprofile..",
            "org.hibernate..")
        .check(vault);
  }

  @Test
  void pureCoresDependOnlyOnOtherCores() {
    classes()
        .that()
        .resideInAnyPackage(PURE_CORES)
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(PURE_CORES).or(resideOutsideOfPackage("org.zhusan.vault..")))
        .check(vault);
  }

  @Test
  void thePlatformKnowsNoCapability() {
    classes()
        .that()
        .resideInAPackage("..vault.platform..")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage("..vault.platform..")
                .or(resideOutsideOfPackage("org.zhusan.vault..")))
        .check(vault);
  }

  @Test
  void theLogCoreDoesNotKnowWhoDecides() {
    noClasses()
        .that()
        .resideInAPackage("..vault.audit")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..vault.access..",
            "..vault.oversight..",
            "..vault.sharing..",
            "..vault.documents..",
            "..vault.subjects..",
            "..vault.search..",
            "..vault.keys..")
        .check(vault);
  }
}

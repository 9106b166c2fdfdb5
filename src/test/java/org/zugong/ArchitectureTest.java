package org.zugong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The conventions of the style guide, checked on the compiled code. */
class ArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.zugong");

  @Test
  void controllersLiveInWebPackagesAndArePackagePrivate() {
    ArchRule rule =
        classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .resideInAPackage("..web..")
            .andShould()
            .notBePublic();
    rule.check(CLASSES);
  }

  @Test
  void apiControllersAreSeparateFromPageControllers() {
    classes()
        .that()
        .areAnnotatedWith(RestController.class)
        .should()
        .haveSimpleNameEndingWith("ApiController")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void timeComesFromTheInjectedClock() {
    noClasses()
        .should()
        .callMethod(java.time.LocalDate.class, "now")
        .orShould()
        .callMethod(java.time.LocalDateTime.class, "now")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.OffsetDateTime.class, "now")
        .check(CLASSES);
  }

  @Test
  void noFieldInjection() {
    fields().should().notBeAnnotatedWith(Autowired.class).check(CLASSES);
  }

  @Test
  void theSharedModuleHoldsValueTypesOnly() {
    noClasses()
        .that()
        .resideInAPackage("org.zugong.shared..")
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.zugong.platform..", "org.zugong.identity..", "java.sql..")
        .check(CLASSES);
  }

  @Test
  void onlyThePlatformOpensConnectionsItself() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.zugong.platform..")
        .should()
        .callMethod(javax.sql.DataSource.class, "getConnection")
        .check(CLASSES);
  }

  @Test
  void onlyTheRulesOfAdr0015WriteAsTheSystemInsideAUsersTransaction() {
    // Widening the scope inside a user's transaction escapes row-level security: each caller needs
    // its own justification in an ADR (0015: committee terms end with their holder or their
    // organization).
    noClasses()
        .that()
        .resideOutsideOfPackage("org.zugong.platform..")
        .and()
        .doNotHaveFullyQualifiedName("org.zugong.member.OrganizationOffices")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.zugong.platform.SystemScope")
        .check(CLASSES);
  }

  @Test
  void webControllersDoNotTouchTheDatabase() {
    noClasses()
        .that()
        .resideInAPackage("..web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
        .check(CLASSES);
  }
}

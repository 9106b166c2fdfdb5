package org.zugong;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold: no module reaches into another's internals or tables' code. */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(ZugongApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
    // One diagram of the whole and one per module, each naming what it shows.
    java.nio.file.Path folder = java.nio.file.Path.of("target/modulith-docs");
    org.assertj.core.api.Assertions.assertThat(folder.resolve("components.puml")).exists();
    MODULES.forEach(
        m ->
            org.assertj.core.api.Assertions.assertThat(
                    folder.resolve("module-" + m.getIdentifier() + ".puml"))
                .exists());
  }
}

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
  }
}

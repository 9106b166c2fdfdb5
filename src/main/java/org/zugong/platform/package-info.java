/**
 * Technical plumbing: the embedded database, the data scope enforced by PostgreSQL row-level
 * security, encryption of personal data, demo-data loading, the menu and the page frame.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN,
    allowedDependencies = "shared")
package org.zugong.platform;

import org.jspecify.annotations.NullMarked;

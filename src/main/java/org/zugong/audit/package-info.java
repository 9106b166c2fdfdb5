/**
 * The append-only audit: sign-ins, every write with its old and new values, every unmasked view of
 * personal data, chained by hash so that a row changed in the database is found. It listens to
 * events; nothing depends on it.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform"})
package org.zugong.audit;

import org.jspecify.annotations.NullMarked;

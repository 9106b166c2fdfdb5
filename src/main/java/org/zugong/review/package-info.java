/**
 * The cockpit and the year-in-review: every module's indicators computed for a period and a part of
 * the tree, arranged as the department's annual review, each opening its records.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "region"})
package org.zugong.review;

import org.jspecify.annotations.NullMarked;

/** Ningbo's administrative divisions (行政区划): the tree that scopes every user and record. */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform"})
package org.zugong.region;

import org.jspecify.annotations.NullMarked;

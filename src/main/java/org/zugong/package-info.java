/** Zugong's root package: one direct sub-package per module. */
@NullMarked
package org.zugong;

import org.jspecify.annotations.NullMarked;

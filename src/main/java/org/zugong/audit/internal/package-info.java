/** Audit's internal part. */
@NullMarked
package org.zugong.audit.internal;

import org.jspecify.annotations.NullMarked;

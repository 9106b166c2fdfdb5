/** Identity's internal part. */
@NullMarked
package org.zugong.identity.internal;

import org.jspecify.annotations.NullMarked;

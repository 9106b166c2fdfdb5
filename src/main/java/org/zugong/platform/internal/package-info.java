/** The platform's machinery: database server, connection pool, key handling, loaders. */
@NullMarked
package org.zugong.platform.internal;

import org.jspecify.annotations.NullMarked;

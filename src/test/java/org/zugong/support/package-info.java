/** Test support: the shared application context, an HTTP client, the demo accounts. */
@NullMarked
package org.zugong.support;

import org.jspecify.annotations.NullMarked;

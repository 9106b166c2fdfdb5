/** Person's internal part. */
@NullMarked
package org.zugong.person.internal;

import org.jspecify.annotations.NullMarked;

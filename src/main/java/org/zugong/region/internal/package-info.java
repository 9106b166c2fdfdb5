/** Region's internal part. */
@NullMarked
package org.zugong.region.internal;

import org.jspecify.annotations.NullMarked;

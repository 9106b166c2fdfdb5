/** Organization's internal part. */
@NullMarked
package org.zugong.organization.internal;

import org.jspecify.annotations.NullMarked;

/** Member's internal part. */
@NullMarked
package org.zugong.member.internal;

import org.jspecify.annotations.NullMarked;

/** The talent module's implementation: demo data, menu, settings. */
@NullMarked
package org.zugong.talent.internal;

import org.jspecify.annotations.NullMarked;

/** Audit's web part. */
@NullMarked
package org.zugong.audit.web;

import org.jspecify.annotations.NullMarked;

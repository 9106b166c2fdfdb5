/** Identity's web part. */
@NullMarked
package org.zugong.identity.web;

import org.jspecify.annotations.NullMarked;

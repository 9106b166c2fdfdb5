/** Organization's web part. */
@NullMarked
package org.zugong.organization.web;

import org.jspecify.annotations.NullMarked;

/** Region's web part. */
@NullMarked
package org.zugong.region.web;

import org.jspecify.annotations.NullMarked;

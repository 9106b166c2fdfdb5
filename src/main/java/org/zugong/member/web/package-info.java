/** Member's web part. */
@NullMarked
package org.zugong.member.web;

import org.jspecify.annotations.NullMarked;

/** Talent pages and the talent and policy API. */
@NullMarked
package org.zugong.talent.web;

import org.jspecify.annotations.NullMarked;

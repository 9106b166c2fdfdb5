/** The page frame: menu, header, language, error pages. */
@NullMarked
package org.zugong.platform.web;

import org.jspecify.annotations.NullMarked;

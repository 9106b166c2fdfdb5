/**
 * The machinery of spreadsheet imports, shared by the modules that import sheets and free of their
 * domains: cells and dates as workbooks store them, the streaming sheet reader, the template and
 * error workbooks (bad cells red, with comments), the import jobs with their progress, and the web
 * side common to the import pages and APIs. A module brings its columns, its row rules and what it
 * writes.
 */
@NullMarked
package org.zugong.platform.spreadsheet;

import org.jspecify.annotations.NullMarked;

/**
 * The rules of the organization sheet (党组织信息导入表), free of Spring and the database: its columns, the
 * values each column allows, and the check of one row that names every bad cell with its reason.
 * The sheet's generic parts (cells, dates, errors) are the platform's ({@code
 * org.zugong.platform.spreadsheet}), shared with the member sheet.
 */
@NullMarked
package org.zugong.organization.imports;

import org.jspecify.annotations.NullMarked;

/**
 * The rules of the member sheet (党员信息导入表), free of Spring and the database: its columns, the values
 * each column allows, and the check of one row that names every bad cell with its reason.
 */
@NullMarked
package org.zugong.member.imports;

import org.jspecify.annotations.NullMarked;

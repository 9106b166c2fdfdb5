/**
 * Transfers of a member's organizational relationship (组织关系转接) within, out of and into the city,
 * with their letters, rules, history and work lists.
 */
@NullMarked
package org.zugong.member.transfer;

import org.jspecify.annotations.NullMarked;

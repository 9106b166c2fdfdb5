/**
 * Membership dues (党费): what a member owes each month under the 2008 dues regulation, the ledger of
 * payments and arrears, and the six-month lapse rule of the Party Constitution.
 */
@NullMarked
package org.zugong.member.dues;

import org.jspecify.annotations.NullMarked;

/**
 * Mobile party members (流动党员): the five-step method that finds, registers, contacts, tracks and
 * engages each one, and the placement that puts every one of them under some organization.
 */
@NullMarked
package org.zugong.member.mobile;

import org.jspecify.annotations.NullMarked;

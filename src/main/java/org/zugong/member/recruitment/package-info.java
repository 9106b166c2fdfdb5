/**
 * The recruitment of party members (发展党员): one person's path from applicant to full member, with
 * the rules of the 2014 detailed rules on recruitment (中国共产党发展党员工作细则) and the deadlines that follow
 * from them.
 */
@NullMarked
package org.zugong.member.recruitment;

import org.jspecify.annotations.NullMarked;

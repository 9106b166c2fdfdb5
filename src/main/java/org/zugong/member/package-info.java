/**
 * Party members (党员): their place in the organization tree, stage and status, recruitment,
 * transfers, dues, mobile members, and the statistics of any part of the tree (党内统计).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "region", "organization", "person"})
package org.zugong.member;

import org.jspecify.annotations.NullMarked;

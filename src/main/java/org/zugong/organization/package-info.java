/**
 * Party organizations (党组织): the tree of committees, general branches, branches and groups, placed
 * in the region tree, with their history (establish, rename, move, merge, dissolve) so that the
 * tree can be shown as it stood on any date.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "region"})
package org.zugong.organization;

import org.jspecify.annotations.NullMarked;

package org.zugong.member.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zugong.organization.OrganizationMoved;

/**
 * Keeps the placing side of mobile member records in step with the tree: a moved organization takes
 * the members placed with it along. (The member's own side follows the member row in the database,
 * whatever moves it.)
 */
@Component
class MobileMemberListeners {

  private final MobileMemberStore store;

  MobileMemberListeners(MobileMemberStore store) {
    this.store = store;
  }

  @EventListener
  void on(OrganizationMoved e) {
    store.movePlacingPaths(e.oldPath(), e.newPath());
  }
}

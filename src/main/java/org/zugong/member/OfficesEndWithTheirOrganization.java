package org.zugong.member;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zugong.member.OrganizationOffices.OrganizationEnd;
import org.zugong.organization.OrganizationDissolved;
import org.zugong.organization.OrganizationMerged;

/**
 * Ends the committee terms of an organization in the transaction that dissolves it or merges it
 * into another, on that day (ADR 0015): the target's committee goes on, the source's does not.
 */
@Component
class OfficesEndWithTheirOrganization {

  private final OrganizationOffices offices;

  OfficesEndWithTheirOrganization(OrganizationOffices offices) {
    this.offices = offices;
  }

  @EventListener
  void on(OrganizationDissolved e) {
    offices.endTermsAt(e.organizationId(), OrganizationEnd.DISSOLVED, e.on());
  }

  @EventListener
  void on(OrganizationMerged e) {
    offices.endTermsAt(e.sourceId(), OrganizationEnd.MERGED, e.on());
  }
}

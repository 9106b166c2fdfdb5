package org.zugong.organization;

import java.time.LocalDate;

/**
 * Published inside the transaction that dissolved (撤销) the organization, effective {@code on},
 * after the checks that may refuse it and before the organization is ended: records held by the
 * organization itself end with it.
 */
public record OrganizationDissolved(long organizationId, LocalDate on) {}

package org.zugong.member.transfer;

/**
 * One end of a transfer: an organization of the city, known by id, or an organization outside the
 * city, known only by the name its letter bears.
 */
public sealed interface OrganizationRef {

  /** An organization of the city. */
  record CityOrganization(long id) implements OrganizationRef {}

  /** An organization outside the city; the name is required and kept without surrounding blanks. */
  record ExternalOrganization(String name) implements OrganizationRef {
    public ExternalOrganization {
      TransferRules.externalOrganizationNamed(name).orThrow();
      name = name.strip();
    }
  }

  /** Whether this is the city organization with this id. */
  default boolean is(long organizationId) {
    return this instanceof CityOrganization(long id) && id == organizationId;
  }
}

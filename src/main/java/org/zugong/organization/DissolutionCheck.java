package org.zugong.organization;

import java.util.Optional;

/**
 * A module that holds records in organizations says whether one may be dissolved, e.g. not while
 * members still belong to it. Implementations are found by type; the organization module does not
 * depend on them.
 */
public interface DissolutionCheck {

  /** The message key of the reason it may not be dissolved, or empty. */
  Optional<String> refusal(long organizationId);
}

package org.zugong.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the chain.
 *
 * @param rows how many rows were checked
 * @param brokenAt the first row whose hash, link or sequence is wrong, or null when intact
 * @param problem message key naming what is wrong
 */
public record Verification(long rows, @Nullable Long brokenAt, @Nullable String problem) {

  public boolean intact() {
    return brokenAt == null;
  }
}

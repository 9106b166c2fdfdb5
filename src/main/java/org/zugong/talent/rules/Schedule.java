package org.zugong.talent.rules;

/**
 * A schedule of a benefit that a talent began: a grant on record under a version's clause. The
 * engine reads a talent's schedules to carry those of an earlier version into the version in force
 * (see {@link Clause#carry()}) and to begin no second one.
 */
public record Schedule(String policyCode, int version, String clauseId, Benefit benefit) {}

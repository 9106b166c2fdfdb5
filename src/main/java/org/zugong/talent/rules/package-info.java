/**
 * The benefit rules: policy documents (clauses of conditions, amounts, instalments, caps,
 * exclusions and overrides) read and checked from JSON, and compiled into one evaluator that
 * answers for one talent with its reasons and for every talent at once, over a columnar snapshot of
 * their facts; the same conditions compile to SQL. Plain Java, no Spring: a benchmark drives it
 * directly.
 */
@NullMarked
package org.zugong.talent.rules;

import org.jspecify.annotations.NullMarked;

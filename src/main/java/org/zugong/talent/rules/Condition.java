package org.zugong.talent.rules;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One condition of a clause: a fact, an operator and a value. Enumerated values are kept as their
 * names, a number as {@code number}, a flag as {@code flag}, a date as {@code date}; {@code text}
 * is the value as the document wrote it, for reasons.
 */
public record Condition(
    FactField field,
    Operator op,
    List<String> values,
    long number,
    boolean flag,
    @Nullable LocalDate date,
    String text) {

  public Condition {
    values = List.copyOf(values);
  }

  public static Condition ofValues(FactField field, Operator op, List<String> values) {
    return new Condition(
        field,
        op,
        values,
        0,
        false,
        null,
        values.size() == 1 && op != Operator.IN && op != Operator.NOT_IN
            ? values.getFirst()
            : values.toString());
  }

  public static Condition ofNumber(FactField field, Operator op, long number) {
    return new Condition(field, op, List.of(), number, false, null, Long.toString(number));
  }

  public static Condition ofFlag(FactField field, boolean flag) {
    return new Condition(field, Operator.EQ, List.of(), 0, flag, null, Boolean.toString(flag));
  }

  public static Condition ofDate(FactField field, Operator op, LocalDate date) {
    return new Condition(field, op, List.of(), 0, false, date, date.toString());
  }

  /** How the condition reads, e.g. {@code tier in [A, B]}. */
  public String describe() {
    return field.json() + " " + op.json() + " " + text;
  }
}

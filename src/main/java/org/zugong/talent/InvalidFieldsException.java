package org.zugong.talent;

import java.util.List;
import org.zugong.shared.InvalidValueException;

/**
 * A form or request refused field by field: each problem names its field and carries a message key,
 * so that a page shows every reason beside its field in the user's language. As an {@link
 * InvalidValueException} it reads as its first problem where only one reason is shown.
 */
public class InvalidFieldsException extends InvalidValueException {

  /** What is wrong with one field: the field's name, the message key and its arguments. */
  public record FieldProblem(String field, String messageKey, List<Object> arguments) {

    public FieldProblem {
      arguments = List.copyOf(arguments);
    }

    public static FieldProblem of(String field, String messageKey, Object... arguments) {
      return new FieldProblem(field, messageKey, List.of(arguments));
    }
  }

  private final transient List<FieldProblem> problems;

  public InvalidFieldsException(List<FieldProblem> problems) {
    super(problems.getFirst().messageKey(), problems.getFirst().arguments().toArray());
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}

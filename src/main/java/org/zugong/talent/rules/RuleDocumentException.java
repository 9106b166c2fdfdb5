package org.zugong.talent.rules;

import java.util.List;
import org.zugong.shared.InvalidValueException;

/**
 * A policy document refused, with every problem found: each names the clause, the place in it and
 * the reason as a message key, so that the user reads it in their language. The exception's own key
 * and arguments are the first problem's.
 */
public class RuleDocumentException extends InvalidValueException {

  /**
   * One problem.
   *
   * @param clause the clause's id (or its position, {@code #3}, where it has none); empty for the
   *     document's head
   * @param path where in the clause, e.g. {@code conditions[1].field}
   * @param messageKey the reason; its arguments are {@code clause}, {@code path}, then {@code
   *     arguments}
   */
  public record Problem(String clause, String path, String messageKey, List<Object> arguments) {

    public Problem {
      arguments = List.copyOf(arguments);
    }

    /** The arguments of the message: clause, path, then the problem's own. */
    public Object[] messageArguments() {
      Object[] all = new Object[2 + arguments.size()];
      all[0] = clause;
      all[1] = path;
      for (int i = 0; i < arguments.size(); i++) {
        all[2 + i] = arguments.get(i);
      }
      return all;
    }
  }

  private final List<Problem> problems;

  public RuleDocumentException(List<Problem> problems) {
    super(problems.getFirst().messageKey(), problems.getFirst().messageArguments());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}

package org.zugong.member.recruitment;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.InvalidValueException;

/** What some steps record beyond their date, deciding body and people. */
public sealed interface StepDetails {

  None NONE = new None();

  /** Most steps need nothing more. */
  record None() implements StepDetails {}

  /** The two introducers, with their stage on the day they were named. */
  record Introducers(List<Introducer> introducers) implements StepDetails {
    public Introducers {
      introducers = List.copyOf(introducers);
    }
  }

  /** The length of the concentrated training, in days and in class hours. */
  record Training(int days, int classHours) implements StepDetails {
    public Training {
      if (days < 0 || classHours < 0) {
        throw new InvalidValueException("recruitment.invalid.training");
      }
    }
  }

  /**
   * The committee's approval, with the special reason (特殊情况) that alone lets it come later than
   * three months after the branch meeting.
   */
  record Approval(@Nullable String specialReason) implements StepDetails {
    public Approval {
      if (specialReason != null && specialReason.isBlank()) {
        specialReason = null;
      }
    }

    public boolean hasSpecialReason() {
      return specialReason != null;
    }
  }

  /** The extension of the probation, in whole months. */
  record Extension(int months) implements StepDetails {}

  /** Why the recruitment stops. */
  record Stop(String reason) implements StepDetails {
    public Stop {
      if (reason.isBlank()) {
        throw new InvalidValueException("recruitment.invalid.stop-reason");
      }
    }
  }
}

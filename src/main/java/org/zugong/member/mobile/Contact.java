package org.zugong.member.mobile;

import java.time.LocalDate;
import org.zugong.shared.InvalidValueException;

/**
 * One entry of the CONTACT log (走亲连心).
 *
 * @param note what was said or done, possibly empty, up to {@value #MAX_NOTE} characters
 */
public record Contact(LocalDate on, ContactChannel channel, String note) {

  public static final int MAX_NOTE = 500;

  public Contact {
    note = note.strip();
    if (note.length() > MAX_NOTE) {
      throw new InvalidValueException("mobile.contact.note-too-long", MAX_NOTE);
    }
  }
}

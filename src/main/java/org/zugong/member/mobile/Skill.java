package org.zugong.member.mobile;

import org.zugong.shared.InvalidValueException;

/**
 * A skill the member can put to use (用其所长), e.g. 电商运营 or 水电维修; up to {@value #MAX_LENGTH}
 * characters.
 */
public record Skill(String name) {

  public static final int MAX_LENGTH = 50;

  public Skill {
    name = name.strip();
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      throw new InvalidValueException("mobile.skill.invalid", MAX_LENGTH);
    }
  }
}

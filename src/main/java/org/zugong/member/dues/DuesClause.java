package org.zugong.member.dues;

/**
 * The clause of the 关于中国共产党党费收缴、使用和管理的规定 (中组发〔2008〕3号, part one, 党费的收缴) that produced a month's
 * amount, with the message key that explains it to the user.
 */
public enum DuesClause {
  /** Art. 2; arguments: income (yuan), rate (percent), amount (yuan). */
  SALARIED_RATE("dues-regulation-2008/art-2", "dues.clause.salaried-rate"),
  /** Art. 5; arguments: pension (yuan), rate (percent), amount (yuan). */
  RETIRED_RATE("dues-regulation-2008/art-5", "dues.clause.retired-rate"),
  /** Art. 6, farmers; arguments: amount (yuan). */
  FARMER_FLAT("dues-regulation-2008/art-6", "dues.clause.farmer-flat"),
  /** Art. 6, students, the unemployed and others; arguments: amount (yuan). */
  MINIMUM_FLAT("dues-regulation-2008/art-6", "dues.clause.minimum-flat"),
  /** Art. 7, 免交; arguments: regular amount (yuan), reason, first month, last month. */
  EXEMPTED("dues-regulation-2008/art-7", "dues.clause.exempted"),
  /**
   * Art. 7, 少交; arguments: reduced amount (yuan), regular amount (yuan), reason, first month, last
   * month.
   */
  REDUCED("dues-regulation-2008/art-7", "dues.clause.reduced");

  private final String reference;
  private final String messageKey;

  DuesClause(String reference, String messageKey) {
    this.reference = reference;
    this.messageKey = messageKey;
  }

  /** The article the amount rests on, for audit trails. */
  public String reference() {
    return reference;
  }

  public String messageKey() {
    return messageKey;
  }
}

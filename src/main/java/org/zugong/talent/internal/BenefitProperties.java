package org.zugong.talent.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of benefit runs and 码上秒享 ({@code zugong.benefit.*}).
 *
 * @param demoInstantUses how many uses of 码上秒享 the demo records over 2022 (the review says
 *     "累计130余万人次"); the test suite keeps the full count, whatever the number of talents
 */
@ConfigurationProperties("zugong.benefit")
record BenefitProperties(@DefaultValue("1346000") int demoInstantUses) {}

package org.zugong.talent.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of benefit runs and 码上秒享 ({@code zugong.benefit.*}).
 *
 * @param demoInstantUses how many uses of 码上秒享 the demo records over 2022 (the review says
 *     "累计130余万人次"); the test suite keeps the full count, whatever the number of talents
 * @param resumeOnStart whether the application, once started, gives a worker to every run left
 *     proposing that no live worker holds (a crash)
 * @param resumeEvery how often the same sweep runs while the application is up; zero turns it off
 *     (the test suite does, but for the test that turns it on)
 */
@ConfigurationProperties("zugong.benefit")
record BenefitProperties(
    @DefaultValue("1346000") int demoInstantUses,
    @DefaultValue("true") boolean resumeOnStart,
    @DefaultValue("30s") Duration resumeEvery) {}

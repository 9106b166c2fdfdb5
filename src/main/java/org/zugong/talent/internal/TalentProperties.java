package org.zugong.talent.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The talent module's settings ({@code zugong.talent.*}).
 *
 * @param demoTalents how many talents the demo city has
 */
@ConfigurationProperties("zugong.talent")
record TalentProperties(@DefaultValue("60000") int demoTalents) {}

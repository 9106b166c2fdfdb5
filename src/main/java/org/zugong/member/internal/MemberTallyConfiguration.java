package org.zugong.member.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the folding of the member tally ({@link MemberTally#fold()}) on a schedule. */
@Configuration
@EnableScheduling
class MemberTallyConfiguration {}

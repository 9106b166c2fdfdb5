package org.zugong.member.mobile;

import java.time.LocalDate;

/** The REGISTER step (建档建库): the activity certificate issued and the day the file was opened. */
public record Registration(ActivityCertificateNumber certificate, LocalDate registeredOn) {}

package org.zugong.member.transfer;

/** The identity of one transfer, assigned by whoever stores it. */
public record TransferId(long value) {}

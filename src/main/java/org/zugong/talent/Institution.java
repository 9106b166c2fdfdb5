package org.zugong.talent;

import org.zugong.shared.ScopePath;

/**
 * An institution given self-management of talent projects (自主管理权): it certifies its own talents
 * within a yearly quota, and its officers see its talents only.
 */
public record Institution(
    String code,
    String name,
    String creditCode,
    String regionCode,
    int quota,
    ScopePath scopePath) {}

package org.zugong.identity;

import org.jspecify.annotations.Nullable;

/** What the system administrator enters to open an account. */
public record NewAccount(
    String username, String displayName, String password, @Nullable String idNumber) {}

/**
 * Accounts, sign-in, roles and scopes: who may do what, and over which part of the tree. The three
 * separated administrators (三员分立) manage accounts, assign roles and scopes, and read the audit, and
 * none of them can do another's work.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "region"})
package org.zugong.identity;

import org.jspecify.annotations.NullMarked;

/**
 * Talent (人才): a person certified or served under talent policy — degree, title, employer, arrival,
 * social insurance, first home, bank account, tier A–E with the "10+10" direct track and the
 * institutions given self-management — and the policies (通则 general, 专项 special, 定制 custom) written
 * as rules that one engine evaluates for one person or for everyone.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "region", "person", "identity"})
package org.zugong.talent;

import org.jspecify.annotations.NullMarked;

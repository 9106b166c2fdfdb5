/** Value types shared by every module: identifiers, codes, roles, and past-tense events. */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.zugong.shared;

import org.jspecify.annotations.NullMarked;

/**
 * People (人员): one record per person, whatever they are to the department — member, cadre or talent
 * — with their identity facts, the ID number encrypted and found through a keyed hash, and a
 * field-level history of every change.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform"})
package org.zugong.person;

import org.jspecify.annotations.NullMarked;

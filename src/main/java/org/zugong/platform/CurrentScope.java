package org.zugong.platform;

import org.zugong.shared.ScopePath;

/**
 * Implemented by the authenticated principal: the node of the tree whose subtree the user may see.
 * The database applies it to every query through row-level security.
 */
public interface CurrentScope {

  ScopePath scopePath();
}

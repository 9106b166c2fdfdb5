package org.zugong.platform;

import java.util.Set;
import org.zugong.shared.Role;

/**
 * One entry of the left menu. Each module declares its own entries as beans; the frame shows those
 * whose roles the user holds.
 *
 * @param section message key of the menu group
 * @param label message key of the entry
 * @param path where it leads
 * @param order position, lower first
 * @param roles who sees it; empty means every signed-in user
 */
public record MenuItem(String section, String label, String path, int order, Set<Role> roles) {

  public MenuItem {
    roles = Set.copyOf(roles);
  }

  public boolean visibleTo(Set<Role> held) {
    return roles.isEmpty() || roles.stream().anyMatch(held::contains);
  }
}

package org.zugong.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.zugong.platform.DemoDataStatus;
import org.zugong.platform.MenuItem;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.Role;

/** Puts what the frame shows into every page's model: the user, the menu, the demo-load state. */
@ControllerAdvice
class LayoutAdvice {

  private final List<MenuItem> menuItems;
  private final DemoDataStatus demoStatus;

  LayoutAdvice(List<MenuItem> menuItems, DemoDataStatus demoStatus) {
    this.menuItems = menuItems.stream().sorted(Comparator.comparingInt(MenuItem::order)).toList();
    this.demoStatus = demoStatus;
  }

  @ModelAttribute("me")
  @Nullable ZugongPrincipal me() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p ? p : null;
  }

  /** The menu grouped by section, in order, holding only what the user may open. */
  @ModelAttribute("menu")
  Map<String, List<MenuItem>> menu() {
    ZugongPrincipal me = me();
    Set<Role> roles = me == null ? Set.of() : me.roles();
    Map<String, List<MenuItem>> sections = new LinkedHashMap<>();
    for (MenuItem item : menuItems) {
      if (me != null && item.visibleTo(roles)) {
        sections.computeIfAbsent(item.section(), k -> new java.util.ArrayList<>()).add(item);
      }
    }
    return sections;
  }

  @ModelAttribute("demoStatus")
  DemoDataStatus.Snapshot demoStatus() {
    return demoStatus.snapshot();
  }
}

package org.zugong.member.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.zugong.member.MobileMembers;
import org.zugong.platform.HomeFigure;
import org.zugong.platform.HomeFigures;
import org.zugong.platform.MenuItem;
import org.zugong.platform.ZugongPrincipal;

/** The mobile members' menu entry and home figure. */
@Configuration(proxyBeanMethods = false)
class MobileMemberMenu {

  @Bean
  MenuItem mobileMembersMenuItem() {
    return new MenuItem(
        "menu.section.party", "mobile.menu", "/mobile-members", 140, MemberMenu.STAFF);
  }

  /** The mobile members nobody manages yet, for those who can place them. */
  @Component
  static class Figures implements HomeFigures {
    private final MobileMembers mobileMembers;

    Figures(MobileMembers mobileMembers) {
      this.mobileMembers = mobileMembers;
    }

    @Override
    public List<HomeFigure> figures() {
      var auth = SecurityContextHolder.getContext().getAuthentication();
      boolean staff =
          auth != null
              && auth.getPrincipal() instanceof ZugongPrincipal p
              && p.roles().stream().anyMatch(MemberMenu.STAFF::contains);
      if (!staff) {
        return List.of();
      }
      MobileMembers.Listing unplaced = MobileMembers.Listing.UNPLACED;
      return List.of(
          new HomeFigure(
              "mobile.home.unplaced",
              mobileMembers.coverage(null).of(unplaced),
              "/mobile-members?list=" + unplaced.name(),
              3));
    }
  }
}

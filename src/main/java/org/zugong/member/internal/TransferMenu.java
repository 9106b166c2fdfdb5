package org.zugong.member.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.zugong.member.Transfers;
import org.zugong.platform.HomeFigure;
import org.zugong.platform.HomeFigures;
import org.zugong.platform.MenuItem;

/** The transfers' menu entry and the home figure of transfers waiting for the receiving side. */
@Configuration(proxyBeanMethods = false)
class TransferMenu {

  @Bean
  MenuItem transfersMenuItem() {
    return new MenuItem(
        "menu.section.party", "menu.transfers", "/transfers", 140, MemberMenu.STAFF);
  }

  @Component
  static class Figures implements HomeFigures {
    private final Transfers transfers;

    Figures(Transfers transfers) {
      this.transfers = transfers;
    }

    @Override
    public List<HomeFigure> figures() {
      var auth = SecurityContextHolder.getContext().getAuthentication();
      boolean staff =
          auth != null
              && auth.getAuthorities().stream()
                  .anyMatch(
                      a ->
                          MemberMenu.STAFF.stream()
                              .anyMatch(r -> r.authority().equals(a.getAuthority())));
      if (!staff) {
        // Only those who handle transfers are shown the figure that leads to them.
        return List.of();
      }
      return List.of(
          new HomeFigure(
              "home.figure.transfers-pending",
              transfers.pendingIncoming(),
              "/transfers?direction=INCOMING&category=PENDING",
              6));
    }
  }
}

package org.zugong.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.zugong.identity.internal.IdentityDemoData;
import org.zugong.platform.DemoDataStatus;
import org.zugong.platform.ZugongProperties;

/** The sign-in page; in demo mode it lists the demo accounts and the demo-load progress. */
@Controller
class LoginController {

  private final ZugongProperties properties;
  private final DemoDataStatus demoStatus;

  LoginController(ZugongProperties properties, DemoDataStatus demoStatus) {
    this.properties = properties;
    this.demoStatus = demoStatus;
  }

  @GetMapping("/login")
  String login(Model model) {
    boolean demo = properties.demo().enabled();
    model.addAttribute("demoMode", demo);
    if (demo) {
      model.addAttribute("demoAccounts", IdentityDemoData.ACCOUNTS);
      model.addAttribute("demoPassword", IdentityDemoData.PASSWORD);
    }
    return "identity/login";
  }

  /** The demo-load progress, polled by the login page while it loads. */
  @GetMapping("/demo-status")
  @ResponseBody
  DemoDataStatus.Snapshot demoStatus() {
    return demoStatus.snapshot();
  }
}

package org.zugong.platform.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zugong.platform.HomeFigure;
import org.zugong.platform.HomeFigures;

/** The home page: the user's scope and the figures of every module, each opening its records. */
@Controller
class HomeController {

  private final List<HomeFigures> sources;

  HomeController(List<HomeFigures> sources) {
    this.sources = sources;
  }

  @GetMapping("/")
  String home(Model model) {
    List<HomeFigure> figures =
        sources.stream()
            .flatMap(s -> s.figures().stream())
            .sorted(Comparator.comparingInt(HomeFigure::order))
            .toList();
    model.addAttribute("figures", figures);
    return "home";
  }
}

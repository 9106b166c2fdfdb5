package org.zugong.region.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.zugong.region.Region;
import org.zugong.region.RegionLevel;
import org.zugong.region.Regions;

/**
 * The region page: the division tree beside a table of the selected node's children or a search.
 */
@Controller
class RegionController {

  static final int PAGE_SIZE = 20;

  /** Pages that show the region tree, and where a node leads on each. */
  static final java.util.Map<String, String> TREE_LINKS =
      java.util.Map.of(
          "regions",
          "/regions?code=",
          "accounts",
          "/accounts?scope=",
          "talents",
          "/talents?region=");

  private final Regions regions;

  RegionController(Regions regions) {
    this.regions = regions;
  }

  @GetMapping("/regions")
  String page(
      @RequestParam(required = false) @Nullable String code,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable RegionLevel level,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    List<Region> roots = regions.roots();
    model.addAttribute("roots", roots);
    model.addAttribute("levels", RegionLevel.values());
    model.addAttribute("q", q);
    model.addAttribute("level", level);
    Region selected = null;
    if (code != null) {
      selected =
          regions
              .find(code)
              .orElseThrow(
                  () -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    } else if (!roots.isEmpty()) {
      selected = roots.getFirst();
    }
    model.addAttribute("selected", selected);
    model.addAttribute("selectedCode", selected == null ? null : selected.code());
    model.addAttribute("treeTarget", "regions");
    model.addAttribute("treeLink", TREE_LINKS.get("regions"));
    model.addAttribute("trail", selected == null ? List.of() : regions.trail(selected.code()));
    if (!q.isBlank() || level != null) {
      model.addAttribute("results", regions.search(q, level, Math.max(0, page), PAGE_SIZE));
    } else {
      model.addAttribute(
          "children", selected == null ? List.of() : regions.children(selected.code()));
    }
    boolean htmx = request.getHeader("HX-Request") != null;
    return htmx ? "region/list :: table" : "region/list";
  }

  @GetMapping("/regions/tree/{code}")
  String treeChildren(
      @PathVariable String code,
      @RequestParam(defaultValue = "regions") String target,
      Model model) {
    String link = TREE_LINKS.get(target);
    if (link == null) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
    }
    model.addAttribute("treeTarget", target);
    model.addAttribute("treeLink", link);
    if (regions.find(code).isEmpty()) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
    model.addAttribute("nodes", regions.children(code));
    return "fragments/tree :: nodes";
  }
}

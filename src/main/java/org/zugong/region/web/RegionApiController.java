package org.zugong.region.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.zugong.region.Region;
import org.zugong.region.RegionLevel;
import org.zugong.region.RegionPage;
import org.zugong.region.Regions;

/** The division tree as JSON, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "Administrative divisions (行政区划)")
class RegionApiController {

  private final Regions regions;

  RegionApiController(Regions regions) {
    this.regions = regions;
  }

  @GetMapping
  @Operation(summary = "Search divisions by name or code prefix within the caller's scope")
  RegionPage search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable RegionLevel level,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return regions.search(q, level, Math.max(0, page), Math.clamp(size, 1, 200));
  }

  @GetMapping("/roots")
  @Operation(summary = "The top of the caller's scope")
  List<Region> roots() {
    return regions.roots();
  }

  @GetMapping("/{code}")
  @Operation(summary = "One division")
  Region get(@PathVariable String code) {
    return regions.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  @GetMapping("/{code}/children")
  @Operation(summary = "The divisions directly below one")
  List<Region> children(@PathVariable String code) {
    get(code);
    return regions.children(code);
  }
}

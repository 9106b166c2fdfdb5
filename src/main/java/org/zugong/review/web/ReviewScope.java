package org.zugong.review.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.region.Region;
import org.zugong.region.Regions;
import org.zugong.shared.ScopePath;

/**
 * Which part of the tree a cockpit or review shows: the user's own scope unless a division inside
 * it is asked for by its code; a division outside it is not found.
 */
@Component
class ReviewScope {

  private final Regions regions;

  ReviewScope(Regions regions) {
    this.regions = regions;
  }

  /** A part of the tree: its path, its division (if it is one) and its name. */
  public record Part(ScopePath path, @Nullable Region region, String name) {
    public String code() {
      return region == null ? path.leaf() : region.code();
    }
  }

  Part resolve(@Nullable String code) {
    ScopePath own = own();
    if (code == null || code.isBlank()) {
      return part(own);
    }
    ScopePath asked =
        regions
            .pathOf(code.strip())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!own.contains(asked)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return part(asked);
  }

  /** The user's own part, then the part shown and its ancestors below it, then its children. */
  List<Part> choices(Part shown) {
    ScopePath own = own();
    List<Part> parts = new ArrayList<>();
    Part top = part(own);
    parts.add(top);
    if (shown.region() != null) {
      for (Region r : regions.trail(shown.region().code())) {
        if (own.contains(r.path()) && !r.path().equals(own)) {
          parts.add(new Part(r.path(), r, r.name()));
        }
      }
      for (Region r : regions.children(shown.region().code())) {
        parts.add(new Part(r.path(), r, r.name()));
      }
    }
    return parts;
  }

  private Part part(ScopePath path) {
    Region region = regions.find(path.leaf()).filter(r -> r.path().equals(path)).orElse(null);
    return new Part(path, region, region == null ? path.leaf() : region.name());
  }

  private static ScopePath own() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ZugongPrincipal p) {
      return p.scopePath();
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN);
  }
}

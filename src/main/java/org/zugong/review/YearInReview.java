package org.zugong.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.zugong.platform.Indicator;
import org.zugong.platform.IndicatorQuery;
import org.zugong.review.internal.ReferenceFigures;
import org.zugong.shared.ScopePath;

/**
 * The year-in-review of a part of the tree: the figures of the 2022 review in its sections, each
 * computed from records where its module exists and marked as not yet available where it does not,
 * followed by the modules' other figures.
 */
@Service
public class YearInReview {

  /** The year whose review the reference figures state. */
  public static final int REFERENCE_YEAR = 2022;

  private final Indicators indicators;
  private final ReferenceFigures references;

  YearInReview(Indicators indicators, ReferenceFigures references) {
    this.indicators = indicators;
    this.references = references;
  }

  /**
   * One figure of the review: its key and section; the indicator's value when its module exists;
   * the statement of the 2022 review when it is one of those.
   */
  public record Figure(
      String key,
      ReviewSection section,
      @Nullable BigDecimal value,
      @Nullable ReferenceFigure reference) {

    public boolean available() {
      return value != null;
    }

    /**
     * Whether the value reproduces the review's statement; null where there is nothing to compare.
     */
    public @Nullable Boolean reproduces() {
      return value == null || reference == null
          ? null
          : reference.qualifier().matches(reference.value(), value);
    }
  }

  public record Section(ReviewSection section, List<Figure> figures) {}

  public record Review(int year, ScopePath under, List<Section> sections) {

    public List<Figure> figures() {
      return sections.stream().flatMap(s -> s.figures().stream()).toList();
    }
  }

  /**
   * The review of the year below {@code under}. The figures are computed side by side, each on its
   * own connection within the caller's scope.
   */
  public Review review(int year, ScopePath under) {
    IndicatorQuery query = IndicatorQuery.year(under, year);
    Map<String, BigDecimal> values = indicators.values(indicators.all(), query);
    Map<ReviewSection, List<Figure>> bySection = new EnumMap<>(ReviewSection.class);
    Set<String> stated = new HashSet<>();
    for (ReferenceFigure r : references.all()) {
      stated.add(r.key());
      bySection
          .computeIfAbsent(r.section(), s -> new ArrayList<>())
          .add(new Figure(r.key(), r.section(), values.get(r.key()), r));
    }
    for (Indicator i : indicators.all()) {
      if (!stated.contains(i.key())) {
        ReviewSection section = references.sectionOf(i.key());
        bySection
            .computeIfAbsent(section, s -> new ArrayList<>())
            .add(new Figure(i.key(), section, values.get(i.key()), null));
      }
    }
    List<Section> sections = new ArrayList<>();
    for (ReviewSection s : ReviewSection.values()) {
      List<Figure> figures = bySection.get(s);
      if (figures != null) {
        sections.add(new Section(s, List.copyOf(figures)));
      }
    }
    return new Review(year, under, List.copyOf(sections));
  }
}

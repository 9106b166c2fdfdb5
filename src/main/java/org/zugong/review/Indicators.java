package org.zugong.review;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Service;
import org.zugong.platform.DataScope;
import org.zugong.platform.Indicator;
import org.zugong.platform.IndicatorQuery;
import org.zugong.platform.IndicatorRecords;
import org.zugong.region.Region;
import org.zugong.region.Regions;
import org.zugong.shared.ScopePath;

/**
 * Every indicator the modules declare, computed on demand within the caller's scope: one value, the
 * months of a year, the parts of the tree one level down, and the records behind a value.
 */
@Service
public class Indicators {

  private final Map<String, Indicator> byKey = new LinkedHashMap<>();
  private final ExecutorService workers =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          Thread.ofPlatform().name("review-", 0).daemon().factory());

  private final Regions regions;

  Indicators(List<Indicator> indicators, Regions regions) {
    this.regions = regions;
    indicators.stream()
        .sorted(Comparator.comparing(Indicator::module).thenComparingInt(Indicator::order))
        .forEach(
            i -> {
              if (byKey.putIfAbsent(i.key(), i) != null) {
                throw new IllegalStateException("Two indicators have the key " + i.key());
              }
            });
  }

  public List<Indicator> all() {
    return List.copyOf(byKey.values());
  }

  public List<Indicator> keyFigures() {
    return byKey.values().stream().filter(Indicator::keyFigure).toList();
  }

  public Optional<Indicator> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }

  /** Every indicator's value for the query, computed in parallel within the caller's scope. */
  public Map<String, BigDecimal> values(List<Indicator> all, IndicatorQuery query) {
    ScopePath scope = DataScope.current();
    if (scope == null) {
      return Map.of();
    }
    Map<String, Future<BigDecimal>> futures = new java.util.LinkedHashMap<>();
    for (Indicator i : all) {
      futures.put(i.key(), workers.submit(() -> DataScope.within(scope, () -> i.value(query))));
    }
    Map<String, BigDecimal> values = new java.util.HashMap<>();
    for (var e : futures.entrySet()) {
      try {
        values.put(e.getKey(), e.getValue().get());
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(ex);
      } catch (ExecutionException ex) {
        throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex);
      }
    }
    return values;
  }

  public BigDecimal value(Indicator indicator, IndicatorQuery query) {
    return indicator.value(query);
  }

  public IndicatorRecords records(Indicator indicator, IndicatorQuery query, int page, int size) {
    return indicator.records(query, page, size);
  }

  /** The value at the end of each month of the year (stock) or within each month (flow). */
  public List<MonthValue> months(Indicator indicator, ScopePath under, int year) {
    List<IndicatorQuery> queries = new ArrayList<>(12);
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(year, m);
      queries.add(new IndicatorQuery(under, month.atDay(1), month.atEndOfMonth()));
    }
    List<BigDecimal> values = indicator.values(queries);
    List<MonthValue> months = new ArrayList<>(12);
    for (int m = 1; m <= 12; m++) {
      months.add(new MonthValue(YearMonth.of(year, m), values.get(m - 1)));
    }
    return months;
  }

  /** The value for the year in each division one level below {@code under}. */
  public List<PartValue> parts(Indicator indicator, ScopePath under, int year) {
    List<Region> below = regions.children(under.leaf());
    List<BigDecimal> values =
        indicator.values(below.stream().map(r -> IndicatorQuery.year(r.path(), year)).toList());
    List<PartValue> parts = new ArrayList<>(below.size());
    for (int i = 0; i < below.size(); i++) {
      parts.add(new PartValue(below.get(i), values.get(i)));
    }
    return parts;
  }

  public record MonthValue(YearMonth month, BigDecimal value) {}

  public record PartValue(Region region, BigDecimal value) {}
}

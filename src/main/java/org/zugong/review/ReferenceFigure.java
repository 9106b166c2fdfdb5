package org.zugong.review;

import java.math.BigDecimal;

/**
 * A figure as the 2022 review states it (reference/ningbo-2022-figures.csv): key, owning module,
 * Chinese label, value, unit, qualifier and the phrase it comes from, with its review section.
 */
public record ReferenceFigure(
    String key,
    String module,
    String label,
    BigDecimal value,
    String unit,
    Qualifier qualifier,
    String phrase,
    ReviewSection section) {}

package org.zugong.review.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.zugong.review.Qualifier;
import org.zugong.review.ReferenceFigure;
import org.zugong.review.ReviewSection;

/** The 2022 review's figures and the section of the review each key belongs to. */
@Component
public class ReferenceFigures {

  private final List<ReferenceFigure> figures;
  private final Map<String, ReviewSection> sectionsByPrefix;

  ReferenceFigures() {
    this.sectionsByPrefix = new LinkedHashMap<>();
    for (String[] row : read("reference/review-sections.csv")) {
      sectionsByPrefix.put(row[0], ReviewSection.valueOf(row[1]));
    }
    List<ReferenceFigure> list = new ArrayList<>();
    for (String[] row : read("reference/ningbo-2022-figures.csv")) {
      list.add(
          new ReferenceFigure(
              row[0],
              row[1],
              row[2],
              new BigDecimal(row[3]),
              row[4],
              Qualifier.valueOf(row[5].toUpperCase(Locale.ROOT)),
              row[6],
              sectionOf(row[0])));
    }
    this.figures = List.copyOf(list);
  }

  public List<ReferenceFigure> all() {
    return figures;
  }

  /** The section of a key: the first prefix of review-sections.csv it starts with, else OTHER. */
  public ReviewSection sectionOf(String key) {
    for (var e : sectionsByPrefix.entrySet()) {
      if (key.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return ReviewSection.OTHER;
  }

  /** A CSV without quoted fields (neither file has commas inside a field); the header skipped. */
  private static List<String[]> read(String resource) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      String line = in.readLine();
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

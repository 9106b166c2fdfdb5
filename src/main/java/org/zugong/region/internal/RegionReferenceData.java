package org.zugong.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DataScope;
import org.zugong.region.RegionKind;
import org.zugong.region.RegionLevel;

/**
 * Loads Ningbo's 3,215 divisions into an empty region table at start. They are reference data, not
 * demo data: an empty Zugong has them too.
 */
@Component
@Order(0)
class RegionReferenceData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RegionReferenceData.class);
  static final String RESOURCE = "reference/ningbo-regions.csv";

  private final JdbcClient jdbc;
  private final BulkCopy bulkCopy;
  private final TransactionTemplate tx;

  RegionReferenceData(JdbcClient jdbc, BulkCopy bulkCopy, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.bulkCopy = bulkCopy;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    DataScope.asSystem(
        () ->
            tx.executeWithoutResult(
                t -> {
                  if (jdbc.sql("select count(*) from region").query(Long.class).single() > 0) {
                    return;
                  }
                  List<Row> rows = read();
                  BulkCopy.Copy copy =
                      bulkCopy.into(
                          "region",
                          List.of(
                              "code",
                              "name",
                              "parent_code",
                              "level",
                              "kind",
                              "path",
                              "sort_order"));
                  Map<String, String> paths = new HashMap<>();
                  int order = 0;
                  for (Row row : rows) {
                    String parentPath = row.parent().isEmpty() ? "/" : paths.get(row.parent());
                    if (parentPath == null) {
                      throw new IllegalStateException(
                          RESOURCE
                              + ": "
                              + row.code()
                              + " comes before its parent "
                              + row.parent());
                    }
                    String path = parentPath + row.code() + "/";
                    paths.put(row.code(), path);
                    copy.row(
                        row.code(),
                        row.name(),
                        row.parent().isEmpty() ? null : row.parent(),
                        row.level().name(),
                        RegionKind.classify(row.level(), row.name()).name(),
                        path,
                        order++);
                  }
                  log.info("Loaded {} regions", copy.finish());
                }));
  }

  record Row(String code, String name, String parent, RegionLevel level) {}

  static List<Row> read() {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
      String header = in.readLine();
      if (header == null || !header.equals("code,name,parent_code,level")) {
        throw new IllegalStateException(RESOURCE + " has an unexpected header: " + header);
      }
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 4) {
          throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 4 fields");
        }
        rows.add(new Row(f[0], f[1], f[2], RegionLevel.valueOf(f[3])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}

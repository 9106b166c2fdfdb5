package org.zugong.platform;

import java.time.Clock;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a demo-data part loads with: SQL, bulk copy, and a random source seeded by the part's name
 * so that every start produces the same data.
 */
public interface DemoData {

  JdbcClient jdbc();

  BulkCopy bulkCopy();

  Random random();

  Clock clock();
}

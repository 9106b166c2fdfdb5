package org.zugong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.support.ZugongTest;

/** COPY straight into a temporary table: every value arrives as it was sent. */
class BulkCopyTest extends ZugongTest {

  @Autowired BulkCopy bulkCopy;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void copiesTextWithQuotesCommasAndLineBreaksBytesDatesNumbersAndNulls() {
    BulkCopy.CsvRows rows = new BulkCopy.CsvRows(5);
    rows.row(1, "他说\"好\", 然后\n走了", new byte[] {0, 1, (byte) 0xff}, LocalDate.of(2022, 6, 30), 42L);
    rows.row(2, null, null, null, null);
    rows.row(3, "", new byte[0], LocalDate.of(1949, 10, 1), -1L);
    assertThat(rows.rows()).isEqualTo(3);

    List<String> back =
        new TransactionTemplate(transactions)
            .execute(
                tx -> {
                  jdbc.sql(
                          "create temp table bulk_copy_test (n int, t text, b bytea, d date, l bigint)"
                              + " on commit drop")
                      .update();
                  assertThat(
                          bulkCopy.copy("bulk_copy_test", List.of("n", "t", "b", "d", "l"), rows))
                      .isEqualTo(3);
                  return jdbc.sql(
                          "select concat_ws('|', n, coalesce(t, 'NULL'), coalesce(encode(b, 'hex'),"
                              + " 'NULL'), coalesce(d::text, 'NULL'), coalesce(l::text, 'NULL'))"
                              + " from bulk_copy_test order by n")
                      .query(String.class)
                      .list();
                });

    assertThat(back)
        .containsExactly(
            "1|他说\"好\", 然后\n走了|0001ff|2022-06-30|42", "2|NULL|NULL|NULL|NULL", "3|||1949-10-01|-1");
  }

  @Test
  void refusesARowOfAnotherWidthAndNamesThatAreNoIdentifiers() {
    BulkCopy.CsvRows rows = new BulkCopy.CsvRows(2);
    assertThatThrownBy(() -> rows.row(1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bulkCopy.copy("t; drop table person", List.of("a", "b"), rows))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bulkCopy.copy("t", List.of("a"), rows))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

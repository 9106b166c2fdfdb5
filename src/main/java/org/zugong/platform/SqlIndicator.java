package org.zugong.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An indicator whose value is one aggregate over rows that one SQL clause selects, and whose
 * records are those same rows: what is counted and what is listed cannot drift apart.
 *
 * <p>The clause ({@link Builder#from}) is the text after {@code from}, with its {@code where}, and
 * may use {@code :under} (the scope path, text), {@code :from} and {@code :until} (the first and
 * last day of the period) and {@code :after} (the day after it).
 */
public final class SqlIndicator implements Indicator {

  private final JdbcClient jdbc;
  private final String key;
  private final Measure measure;
  private final String aggregate;
  private final String from;
  private final List<IndicatorRecords.Column> columns;
  private final List<String> expressions;
  private final @Nullable String link;
  private final String orderBy;
  private final int order;
  private final boolean keyFigure;

  private SqlIndicator(Builder b, JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.key = b.key;
    this.measure = b.measure;
    this.aggregate = b.aggregate;
    this.from = Objects.requireNonNull(b.from, "from");
    this.columns = List.copyOf(b.columns);
    this.expressions = List.copyOf(b.expressions);
    this.link = b.link;
    this.orderBy = Objects.requireNonNull(b.orderBy, "orderBy");
    this.order = b.order;
    this.keyFigure = b.keyFigure;
  }

  public static Builder builder(String key, Measure measure) {
    return new Builder(key, measure);
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public Measure measure() {
    return measure;
  }

  @Override
  public int order() {
    return order;
  }

  @Override
  public boolean keyFigure() {
    return keyFigure;
  }

  @Override
  public BigDecimal value(IndicatorQuery q) {
    BigDecimal v =
        bind(jdbc.sql("select coalesce(" + aggregate + ", 0) from " + from), q)
            .query(BigDecimal.class)
            .single();
    return normalized(v);
  }

  /**
   * All the queries in one statement: the clause is joined to the list of periods and parts, whose
   * columns stand in for the parameters, and grouped by query; one scan instead of one per query.
   */
  @Override
  public List<BigDecimal> values(List<IndicatorQuery> queries) {
    int where = from.indexOf(" where ");
    if (queries.size() < 2 || where < 0) {
      return Indicator.super.values(queries);
    }
    StringBuilder periods = new StringBuilder("(values ");
    for (int i = 0; i < queries.size(); i++) {
      periods.append(i > 0 ? ", " : "").append("(").append(i);
      for (String p : new String[] {"u", "f", "t", "a"}) {
        periods
            .append(", cast(:")
            .append(p)
            .append(i)
            .append(p.equals("u") ? " as text)" : " as date)");
      }
      periods.append(")");
    }
    periods.append(") as q_(q_i, q_under, q_from, q_until, q_after)");
    String clause =
        from.substring(0, where)
            + " cross join "
            + periods
            + from.substring(where)
                .replace(":under", "q_.q_under")
                .replace(":from", "q_.q_from")
                .replace(":until", "q_.q_until")
                .replace(":after", "q_.q_after");
    JdbcClient.StatementSpec spec =
        jdbc.sql(
            "select q_.q_i, coalesce(" + aggregate + ", 0) from " + clause + " group by q_.q_i");
    for (int i = 0; i < queries.size(); i++) {
      IndicatorQuery q = queries.get(i);
      spec =
          spec.param("u" + i, q.under().value())
              .param("f" + i, q.from())
              .param("t" + i, q.until())
              .param("a" + i, q.after());
    }
    BigDecimal[] values = new BigDecimal[queries.size()];
    java.util.Arrays.fill(values, BigDecimal.ZERO);
    spec.query(
        (org.springframework.jdbc.core.RowCallbackHandler)
            rs -> values[rs.getInt(1)] = normalized(rs.getBigDecimal(2)));
    return List.of(values);
  }

  private static BigDecimal normalized(BigDecimal v) {
    return v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
  }

  @Override
  public IndicatorRecords records(IndicatorQuery q, int page, int size) {
    long total = bind(jdbc.sql("select count(*) from " + from), q).query(Long.class).single();
    StringBuilder select = new StringBuilder("select ");
    for (int i = 0; i < expressions.size(); i++) {
      select
          .append("cast(")
          .append(expressions.get(i))
          .append(" as text) as c")
          .append(i)
          .append(", ");
    }
    select
        .append(link == null ? "cast(null as text)" : "cast(" + link + " as text)")
        .append(" as link");
    select.append(" from ").append(from).append(" order by ").append(orderBy);
    select.append(" limit :size offset :offset");
    List<IndicatorRecords.Row> rows =
        bind(jdbc.sql(select.toString()), q)
            .param("size", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) -> {
                  List<@Nullable String> cells = new ArrayList<>(expressions.size());
                  for (int i = 0; i < expressions.size(); i++) {
                    cells.add(rs.getString("c" + i));
                  }
                  return new IndicatorRecords.Row(cells, rs.getString("link"));
                })
            .list();
    return new IndicatorRecords(columns, rows, total);
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, IndicatorQuery q) {
    return spec.param("under", q.under().value())
        .param("from", q.from())
        .param("until", q.until())
        .param("after", q.after());
  }

  /** Builds an indicator; see the class comment for the clause. */
  public static final class Builder {
    private final String key;
    private final Measure measure;
    private String aggregate = "count(*)";
    private @Nullable String from;
    private final List<IndicatorRecords.Column> columns = new ArrayList<>();
    private final List<String> expressions = new ArrayList<>();
    private @Nullable String link;
    private @Nullable String orderBy;
    private int order = 100;
    private boolean keyFigure;

    private Builder(String key, Measure measure) {
      this.key = key;
      this.measure = measure;
    }

    /** The aggregate over the rows; {@code count(*)} unless said otherwise. */
    public Builder aggregate(String aggregate) {
      this.aggregate = aggregate;
      return this;
    }

    public Builder from(String from) {
      this.from = from;
      return this;
    }

    /** A column of the records: its heading's message key and its SQL expression. */
    public Builder column(String heading, String expression) {
      columns.add(new IndicatorRecords.Column(heading, false));
      expressions.add(expression);
      return this;
    }

    /** A column whose SQL expression gives a message key for each cell. */
    public Builder translatedColumn(String heading, String expression) {
      columns.add(new IndicatorRecords.Column(heading, true));
      expressions.add(expression);
      return this;
    }

    /** An SQL expression giving the path of the page that shows a record. */
    public Builder link(String expression) {
      this.link = expression;
      return this;
    }

    public Builder orderBy(String orderBy) {
      this.orderBy = orderBy;
      return this;
    }

    public Builder order(int order) {
      this.order = order;
      return this;
    }

    public Builder keyFigure() {
      this.keyFigure = true;
      return this;
    }

    public SqlIndicator build(JdbcClient jdbc) {
      return new SqlIndicator(this, jdbc);
    }
  }
}

package org.zugong.talent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;

/**
 * Golden Phoenix (金凤凰) talent finance: loan and guarantee requests and their status. A request
 * submitted is approved or rejected; an approved one is disbursed.
 */
@Service
@Transactional(readOnly = true)
public class TalentFinance {

  public record FinanceRequest(
      long id,
      long talentId,
      String talentName,
      String kind,
      BigDecimal amountYuan,
      String institution,
      String status,
      LocalDate submittedOn,
      @Nullable LocalDate decidedOn) {}

  public record FinanceSummary(String kind, String status, long requests, BigDecimal amountYuan) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TalentFinance(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  public List<FinanceSummary> financeSummary() {
    return jdbc.sql(
            "select kind, status, count(*) as n, sum(amount_yuan) as amount"
                + " from talent_finance_request group by kind, status order by kind, status")
        .query(
            (rs, n) ->
                new FinanceSummary(
                    rs.getString("kind"),
                    rs.getString("status"),
                    rs.getLong("n"),
                    rs.getBigDecimal("amount")))
        .list();
  }

  public List<FinanceRequest> financeRequests(@Nullable String status, int limit) {
    return jdbc.sql(
            "select id, talent_id, talent_name, kind, amount_yuan, institution, status,"
                + " submitted_on, decided_on from talent_finance_request"
                + " where (cast(:status as text) is null or status = :status)"
                + " order by submitted_on desc, id desc limit :limit")
        .param("status", status)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new FinanceRequest(
                    rs.getLong("id"),
                    rs.getLong("talent_id"),
                    rs.getString("talent_name"),
                    rs.getString("kind"),
                    rs.getBigDecimal("amount_yuan"),
                    rs.getString("institution"),
                    rs.getString("status"),
                    rs.getObject("submitted_on", LocalDate.class),
                    rs.getObject("decided_on", LocalDate.class)))
        .list();
  }

  /** Moves a request on: SUBMITTED to APPROVED or REJECTED, APPROVED to DISBURSED. */
  @Transactional
  public void decide(long id, String status) {
    String current =
        jdbc.sql("select status from talent_finance_request where id = ? for update")
            .param(id)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new ProgramApplicationNotFoundException("finance request", id));
    boolean allowed =
        switch (current) {
          case "SUBMITTED" -> status.equals("APPROVED") || status.equals("REJECTED");
          case "APPROVED" -> status.equals("DISBURSED");
          default -> false;
        };
    if (!allowed) {
      throw new InvalidValueException("talent.finance.invalid.status", current, status);
    }
    String scope =
        jdbc.sql(
                "update talent_finance_request set status = ?, decided_on = ? where id = ?"
                    + " returning scope_path")
            .params(status, LocalDate.now(clock), id)
            .query(String.class)
            .single();
    events.publishEvent(
        new RecordChanged(
            "talent_finance_request",
            Long.toString(id),
            "decide",
            scope,
            Map.of("status", new RecordChanged.Change(current, status))));
  }
}

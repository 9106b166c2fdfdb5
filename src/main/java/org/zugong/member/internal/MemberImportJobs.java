package org.zugong.member.internal;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.zugong.platform.spreadsheet.ImportJobs;

/** The member imports' jobs: {@code member_import_job} and {@code member_import_error}. */
@Component
public class MemberImportJobs extends ImportJobs {

  MemberImportJobs(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    super(jdbc, transactions, events, clock, "member-import");
  }
}

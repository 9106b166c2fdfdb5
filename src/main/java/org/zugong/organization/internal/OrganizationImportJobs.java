package org.zugong.organization.internal;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.zugong.platform.spreadsheet.ImportJobs;

/**
 * The organization imports' jobs: {@code organization_import_job} and {@code
 * organization_import_error}.
 */
@Component
public class OrganizationImportJobs extends ImportJobs {

  OrganizationImportJobs(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    super(jdbc, transactions, events, clock, "organization-import");
  }
}

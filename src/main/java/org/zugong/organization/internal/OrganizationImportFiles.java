package org.zugong.organization.internal;

import org.springframework.stereotype.Component;
import org.zugong.platform.ZugongProperties;
import org.zugong.platform.spreadsheet.ImportFiles;

/**
 * The organization imports' files: {@code <data-dir>/imports/organizations}, apart from the member
 * imports' files.
 */
@Component
public class OrganizationImportFiles extends ImportFiles {

  OrganizationImportFiles(ZugongProperties properties) {
    super(properties.dataDir().resolve("imports").resolve("organizations"));
  }
}

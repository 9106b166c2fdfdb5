package org.zugong.member.internal;

import org.springframework.stereotype.Component;
import org.zugong.platform.ZugongProperties;
import org.zugong.platform.spreadsheet.ImportFiles;

/** The member imports' files: {@code <data-dir>/imports}. */
@Component
public class MemberImportFiles extends ImportFiles {

  MemberImportFiles(ZugongProperties properties) {
    super(properties.dataDir().resolve("imports"));
  }
}

package org.zugong.member.internal;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.MenuItem;

/** The import's menu entry, and uploads large enough for a sheet of 100,000 members. */
@Configuration(proxyBeanMethods = false)
class MemberImportConfiguration {

  /** A sheet of 100,000 members is about 8 MB; the limit leaves room for wide, formatted files. */
  static final long MAX_UPLOAD_BYTES = 64L * 1024 * 1024;

  @Bean
  MenuItem memberImportMenuItem() {
    return new MenuItem(
        "menu.section.party", "menu.member-import", "/member-imports", 135, MemberMenu.STAFF);
  }

  /**
   * Replaces Spring Boot's default of 1 MB per file (which would refuse any real sheet); uploads
   * larger than 1 MB are spooled to disk, not held in memory.
   */
  @Bean
  MultipartConfigElement multipartConfigElement() {
    return new MultipartConfigElement("", MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES, 1024 * 1024);
  }
}

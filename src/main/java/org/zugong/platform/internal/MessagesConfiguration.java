package org.zugong.platform.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The UI's texts: {@code messages.properties} for the frame, and one bundle per module under {@code
 * i18n/} ({@code i18n/organization.properties} with {@code i18n/organization_en.properties}), found
 * at start so that a module adds its texts without touching shared files.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

  @Bean
  MessageSource messageSource() throws IOException {
    List<String> basenames = new ArrayList<>(List.of("messages"));
    for (Resource r :
        new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
      String name = r.getFilename();
      if (name != null && !name.matches(".*_[a-z]{2}(_[A-Z]{2})?\\.properties")) {
        basenames.add("i18n/" + name.substring(0, name.length() - ".properties".length()));
      }
    }
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames(basenames.stream().sorted().toArray(String[]::new));
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}

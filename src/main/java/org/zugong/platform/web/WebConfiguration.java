package org.zugong.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.zugong.platform.LocalePreferences;

/**
 * Language switching ({@code ?lang=en} or {@code ?lang=zh-CN} on any page), and links written as
 * they are.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Bean
  LocaleResolver localeResolver(LocalePreferences preferences) {
    return new UserLocaleResolver(preferences);
  }

  /**
   * No rewriting of the links a page writes. The WebJars locator switches Spring's resource chain
   * on (for the version-less {@code /webjars/} addresses), and with it Thymeleaf's filter that
   * passes every {@code @{…}} link through the static resource resolvers, which look each one up on
   * the class path and do not remember a miss: a fifth of the 码上秒享 page's time, and more on a list
   * of twenty rows with their links. Zugong puts no version into the address of a static file, so
   * there is nothing to rewrite; registering the filter disabled keeps Spring Boot from adding its
   * own.
   */
  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> none =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    none.setEnabled(false);
    return none;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }
}

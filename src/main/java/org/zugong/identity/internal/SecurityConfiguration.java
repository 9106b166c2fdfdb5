package org.zugong.identity.internal;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in by form, CSRF on every write, strict security headers, a new session id at sign-in, and
 * method security for the role checks of each use case.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder(10);
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    RequestMatcher api =
        request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    ExceptionMappingAuthenticationFailureHandler failure =
        new ExceptionMappingAuthenticationFailureHandler();
    failure.setExceptionMappings(
        Map.of(
            LockedException.class.getName(), "/login?locked",
            DisabledException.class.getName(), "/login?disabled"));
    failure.setDefaultFailureUrl("/login?error");
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/webjars/**",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/favicon.ico",
                        "/error",
                        "/demo-status")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .defaultSuccessUrl("/", true)
                    .failureHandler(failure)
                    .permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                    (request, response, ex) -> {
                      response.setStatus(HttpStatus.UNAUTHORIZED.value());
                      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                      response
                          .getWriter()
                          .write(
                              "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}");
                    },
                    api))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }
}

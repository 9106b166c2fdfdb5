package org.zugong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/** Zugong: the platform a city's Party organization department runs its work on. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class ZugongApplication {

  public static void main(String[] args) {
    SpringApplication.run(ZugongApplication.class, args);
  }
}

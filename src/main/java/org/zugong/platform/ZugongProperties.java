package org.zugong.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Zugong's own settings ({@code zugong.*}).
 *
 * @param dataDir where the embedded database and the key file live
 * @param rootScope the path of the deployment's top node (the city); events of nobody in
 *     particular, such as a failed sign-in with an unknown name, are filed there
 * @param embeddedDb the embedded PostgreSQL, used unless {@code spring.datasource.url} is set
 * @param demo demo data for Ningbo 2022
 * @param crypto the key that encrypts personal data
 */
@ConfigurationProperties("zugong")
public record ZugongProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("/330200/") String rootScope,
    @DefaultValue EmbeddedDb embeddedDb,
    @DefaultValue Demo demo,
    @DefaultValue Crypto crypto) {

  /**
   * @param port the port PostgreSQL listens on (loopback only); 0 picks a free one
   * @param startupWait how long to wait for PostgreSQL to accept connections
   */
  public record EmbeddedDb(
      @DefaultValue("0") int port, @DefaultValue("60s") java.time.Duration startupWait) {}

  /**
   * @param enabled load the demo data set on the first start with an empty database
   * @param members how many party members the demo city has
   * @param background load it after the web server is up, showing progress, instead of before
   * @param members how many party members the demo city has
   */
  public record Demo(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("true") boolean background,
      @DefaultValue("300000") int members) {}

  /**
   * @param keyFile the master key; created with 32 random bytes on first start where missing
   */
  public record Crypto(@Nullable Path keyFile) {}

  public Path keyFile() {
    Path configured = crypto.keyFile();
    return configured != null ? configured : dataDir.resolve("keys").resolve("personal-data.key");
  }
}

package org.zugong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {

  static final String ID = "330203199001011236";

  @TempDir Path dir;

  static ZugongProperties properties(Path dataDir, @Nullable Path keyFile) {
    return new ZugongProperties(
        dataDir,
        "/330200/",
        new ZugongProperties.EmbeddedDb(0, Duration.ofSeconds(60)),
        new ZugongProperties.Demo(true, true, 1000),
        new ZugongProperties.Crypto(keyFile));
  }

  PersonalDataCipher cipher(String keyFileName) {
    return new PersonalDataCipher(properties(dir, dir.resolve(keyFileName)));
  }

  @Test
  void decryptsWhatItEncrypted() {
    PersonalDataCipher cipher = cipher("k.key");
    for (String plain : new String[] {ID, "张三 浙江省宁波市海曙区", ""}) {
      assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
    }
  }

  @Test
  void encryptsTheSameValueDifferentlyEachTime() {
    PersonalDataCipher cipher = cipher("k.key");
    byte[] first = cipher.encrypt(ID);
    byte[] second = cipher.encrypt(ID);
    assertThat(first).isNotEqualTo(second);
    assertThat(cipher.decrypt(first)).isEqualTo(ID);
    assertThat(cipher.decrypt(second)).isEqualTo(ID);
  }

  @Test
  void leavesNoTraceOfThePlainTextInTheCiphertext() {
    PersonalDataCipher cipher = cipher("k.key");
    String plain = "张三 " + ID;
    // ISO-8859-1 maps each byte to one char, so a substring search is a byte-sequence search.
    String stored = new String(cipher.encrypt(plain), StandardCharsets.ISO_8859_1);
    assertThat(stored)
        .doesNotContain(
            new String(plain.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
        .doesNotContain(ID)
        .doesNotContain("19900101");
  }

  @Test
  void refusesACiphertextWithAnyByteFlipped() {
    PersonalDataCipher cipher = cipher("k.key");
    byte[] stored = cipher.encrypt(ID);
    // Byte 0 is the format version; every byte after it is nonce, ciphertext or tag.
    for (int i = 1; i < stored.length; i++) {
      byte[] tampered = stored.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> cipher.decrypt(tampered))
          .as("byte %d flipped", i)
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void refusesAValueOfAnotherFormatVersion() {
    PersonalDataCipher cipher = cipher("k.key");
    byte[] stored = cipher.encrypt(ID);
    stored[0] = 2;
    assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.decrypt(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givesTheSameBlindIndexForTheSameValue() {
    PersonalDataCipher cipher = cipher("k.key");
    assertThat(cipher.blindIndex(ID)).isEqualTo(cipher.blindIndex(ID));
  }

  @Test
  void writesTheBlindIndexAs64LowerCaseHexCharacters() {
    assertThat(cipher("k.key").blindIndex(ID)).matches("[0-9a-f]{64}");
  }

  @Test
  void givesDifferentBlindIndexesForDifferentValues() {
    PersonalDataCipher cipher = cipher("k.key");
    assertThat(cipher.blindIndex(ID)).isNotEqualTo(cipher.blindIndex("330203199001011244"));
  }

  @Test
  void keysTheBlindIndexSoThatAPlainHashDoesNotFindIt() throws NoSuchAlgorithmException {
    String plainSha256 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(ID.getBytes(StandardCharsets.UTF_8)));
    assertThat(cipher("k.key").blindIndex(ID)).isNotEqualTo(plainSha256);
  }

  @Test
  void readsBackTheKeyItCreated() {
    PersonalDataCipher first = cipher("k.key");
    byte[] stored = first.encrypt(ID);
    PersonalDataCipher second = cipher("k.key");
    assertThat(second.blindIndex(ID)).isEqualTo(first.blindIndex(ID));
    assertThat(second.decrypt(stored)).isEqualTo(ID);
  }

  @Test
  void cannotDecryptWithAnotherKey() {
    byte[] stored = cipher("k.key").encrypt(ID);
    PersonalDataCipher other = cipher("other.key");
    assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(IllegalStateException.class);
    assertThat(other.blindIndex(ID)).isNotEqualTo(cipher("k.key").blindIndex(ID));
  }

  @Test
  void createsTheKeyFileReadableByItsOwnerOnly() throws IOException {
    cipher("k.key");
    assertThat(Files.getPosixFilePermissions(dir.resolve("k.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void createsAKeyFileHolding32BytesInBase64() throws IOException {
    cipher("k.key");
    byte[] key = Base64.getDecoder().decode(Files.readString(dir.resolve("k.key")).trim());
    assertThat(key).hasSize(32);
  }

  @Test
  void keepsTheKeyUnderTheDataDirectoryWhenNoKeyFileIsConfigured() {
    Path dataDir = dir.resolve("data");
    new PersonalDataCipher(properties(dataDir, null));
    assertThat(dataDir.resolve("keys").resolve("personal-data.key")).isRegularFile();
  }

  @Test
  void refusesAKeyFileThatDoesNotHold32Bytes() throws IOException {
    Path keyFile = dir.resolve("short.key");
    Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[16]) + "\n");
    assertThatThrownBy(() -> new PersonalDataCipher(properties(dir, keyFile)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void encryptsAndHashesFromManyThreadsAtOnceAndStillDecryptsAfterAnAlteredValue()
      throws Exception {
    PersonalDataCipher cipher = cipher("k.key");
    String index = cipher.blindIndex(ID);
    byte[] altered = cipher.encrypt(ID);
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class);
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    String plain = ID + thread + "-" + i;
                    if (!cipher.decrypt(cipher.encrypt(plain)).equals(plain)
                        || !cipher.blindIndex(ID).equals(index)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (var result : results) {
        assertThat(result.get()).isTrue();
      }
    }
    // The thread whose decryption failed goes on decrypting and hashing as before.
    assertThat(cipher.decrypt(cipher.encrypt(ID))).isEqualTo(ID);
    assertThat(cipher.blindIndex(ID)).isEqualTo(index);
  }
}

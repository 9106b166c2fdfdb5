package org.zugong.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (AES-256-GCM, a fresh nonce per value) and computes a keyed hash
 * (HMAC-SHA-256) so that an ID number is found exactly without being decrypted. Both keys are
 * derived from one master key kept in a file outside the database.
 */
@Component
public class PersonalDataCipher {

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec indexKey;
  private final SecureRandom random = new SecureRandom();
  // Looking a Cipher or Mac up by name costs more than the work on one short value: each thread
  // keeps its own (neither is thread-safe). A Cipher is initialized afresh, with a fresh nonce, for
  // every value; a Mac keeps its key and resets itself after each hash.
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalDataCipher::aesGcm);
  private final ThreadLocal<Mac> macs;

  public PersonalDataCipher(ZugongProperties properties) {
    byte[] master = loadOrCreate(properties.keyFile());
    this.encryptionKey = new SecretKeySpec(derive(master, "zugong/encryption/v1"), "AES");
    this.indexKey = new SecretKeySpec(derive(master, "zugong/blind-index/v1"), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> hmac(indexKey));
  }

  public byte[] encrypt(String plain) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = ciphers.get();
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(byte[] stored) {
    if (stored.length < 1 + NONCE_BYTES || stored[0] != VERSION) {
      throw new IllegalArgumentException("Not a value encrypted by this cipher");
    }
    try {
      Cipher cipher = ciphers.get();
      cipher.init(
          Cipher.DECRYPT_MODE,
          encryptionKey,
          new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
      byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed: wrong key or altered value", e);
    }
  }

  /** The keyed hash used to look a value up exactly, as lowercase hex. */
  public String blindIndex(String plain) {
    return HexFormat.of().formatHex(macs.get().doFinal(plain.getBytes(StandardCharsets.UTF_8)));
  }

  private static Cipher aesGcm() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private static Mac hmac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  private static byte[] derive(byte[] master, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] loadOrCreate(Path keyFile) {
    try {
      if (Files.exists(keyFile)) {
        byte[] key = Base64.getDecoder().decode(Files.readString(keyFile).trim());
        if (key.length != 32) {
          throw new IllegalStateException("The key file " + keyFile + " does not hold 32 bytes");
        }
        return key;
      }
      Files.createDirectories(keyFile.toAbsolutePath().getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      try {
        // Created owner-only from the first byte, so the key is never readable by others.
        Files.createFile(
            keyFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(keyFile);
      }
      Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the key file " + keyFile, e);
    }
  }
}

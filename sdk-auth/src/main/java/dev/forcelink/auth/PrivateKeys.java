package dev.forcelink.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Loads the RSA private key that signs JWT bearer assertions, from PKCS#8 PEM (plain
 * {@code BEGIN PRIVATE KEY} or password-protected {@code BEGIN ENCRYPTED PRIVATE KEY}) or from a
 * PKCS#12 keystore. Keys in PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC1
 * ({@code BEGIN EC PRIVATE KEY}) form are refused with the command that converts them.
 *
 * <p>No message of this class contains key material. The returned key is the JDK's own object:
 * never print or log it. Stateless and thread-safe.
 */
public final class PrivateKeys {
  /** The command that turns a traditional (PKCS#1 or SEC1) PEM key into PKCS#8. */
  public static final String CONVERT_COMMAND = "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem";

  private static final Pattern PEM_BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final String PBES2 = "PBES2";
  private static final String PBES2_OID = "1.2.840.113549.1.5.13";

  private PrivateKeys() {}

  /**
   * Reads an unencrypted PKCS#8 PEM key ({@code -----BEGIN PRIVATE KEY-----}). Other PEM blocks in
   * the text, such as certificates, are skipped.
   *
   * @param pem the PEM text
   * @return the RSA private key
   * @throws IllegalArgumentException if the text holds no PKCS#8 key, an encrypted key (use
   *     {@link #fromPem(String, char[])}), a PKCS#1 or SEC1 key (the message gives the
   *     {@value #CONVERT_COMMAND} command), or a key that is not RSA
   */
  public static PrivateKey fromPem(String pem) {
    return fromPem(pem, null);
  }

  /**
   * Reads a PKCS#8 PEM key, decrypting it with {@code password} when it is a
   * {@code -----BEGIN ENCRYPTED PRIVATE KEY-----} block (PBES2, as written by
   * {@code openssl pkcs8 -topk8}, or a PBES1 scheme the JDK supports).
   *
   * @param pem the PEM text
   * @param password the password of an encrypted key; may be null for a plain key. The array is
   *     not modified; the caller may clear it afterwards
   * @return the RSA private key
   * @throws IllegalArgumentException if the text holds no PKCS#8 key, the key is encrypted and the
   *     password is missing or wrong, the key is PKCS#1 or SEC1 (the message gives the
   *     {@value #CONVERT_COMMAND} command), or the key is not RSA
   */
  public static PrivateKey fromPem(String pem, char[] password) {
    Objects.requireNonNull(pem, "pem");
    Matcher m = PEM_BLOCK.matcher(pem);
    List<String> seen = new ArrayList<>();
    while (m.find()) {
      String label = m.group(1).trim();
      switch (label) {
        case "PRIVATE KEY":
          return rsaFromPkcs8(decodeBase64(m.group(2), label));
        case "ENCRYPTED PRIVATE KEY":
          return rsaFromPkcs8(decrypt(decodeBase64(m.group(2), label), password));
        case "RSA PRIVATE KEY":
          throw new IllegalArgumentException("The key is in PKCS#1 form (BEGIN RSA PRIVATE KEY), which"
              + " Java cannot read. Convert it to PKCS#8 with: " + CONVERT_COMMAND
              + " (leave out -nocrypt to keep it password-protected)");
        case "EC PRIVATE KEY":
          throw new IllegalArgumentException("The key is an EC key in SEC1 form (BEGIN EC PRIVATE KEY)."
              + " The JWT bearer flow signs with RS256 and needs an RSA key: create one with"
              + " 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem' and upload"
              + " its certificate to the connected app. A traditional key converts to PKCS#8 with: "
              + CONVERT_COMMAND);
        case "OPENSSH PRIVATE KEY":
          throw new IllegalArgumentException("The key is in OpenSSH form, which Java cannot read. Convert"
              + " it to PKCS#8 PEM with 'ssh-keygen -p -m PKCS8 -f key' (on a copy), or create a new"
              + " RSA key with openssl");
        default:
          seen.add(label);
      }
    }
    throw new IllegalArgumentException("No PEM private key found: expected a block starting with"
        + " -----BEGIN PRIVATE KEY----- or -----BEGIN ENCRYPTED PRIVATE KEY-----"
        + (seen.isEmpty() ? "" : "; found only " + seen));
  }

  /**
   * Reads an unencrypted PKCS#8 PEM key from a file.
   *
   * @param path the file
   * @return the RSA private key
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException as {@link #fromPem(String)}
   */
  public static PrivateKey fromPemFile(Path path) {
    return fromPemFile(path, null);
  }

  /**
   * Reads a PKCS#8 PEM key from a file, decrypting it when it is encrypted.
   *
   * @param path the file
   * @param password the password of an encrypted key, or null
   * @return the RSA private key
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException as {@link #fromPem(String, char[])}
   */
  public static PrivateKey fromPemFile(Path path, char[] password) {
    Objects.requireNonNull(path, "path");
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the private key file " + path, e);
    }
    try {
      return fromPem(text, password);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the only private key entry of a PKCS#12 keystore ({@code .p12} / {@code .pfx}).
   *
   * @param keystore the keystore file
   * @param password the keystore password, also used for the key entry; not modified
   * @return the RSA private key
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if the password is wrong, the file is not PKCS#12, it holds no
   *     private key or several (name one with {@link #fromPkcs12(Path, char[], String)}), or the
   *     key is not RSA
   */
  public static PrivateKey fromPkcs12(Path keystore, char[] password) {
    return fromPkcs12(keystore, password, null);
  }

  /**
   * Reads a private key entry of a PKCS#12 keystore.
   *
   * @param keystore the keystore file
   * @param password the keystore password, also used for the key entry; not modified
   * @param alias the entry's alias, or null to take the only private key entry
   * @return the RSA private key
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if the password is wrong, the file is not PKCS#12, the alias
   *     names no private key entry, or the key is not RSA
   */
  public static PrivateKey fromPkcs12(Path keystore, char[] password, String alias) {
    Objects.requireNonNull(keystore, "keystore");
    Objects.requireNonNull(password, "password");
    KeyStore store;
    try (InputStream in = Files.newInputStream(keystore)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot open the PKCS#12 keystore " + keystore + " ("
          + e.getClass().getSimpleName() + ")", e);
    } catch (IOException e) {
      if (Files.isReadable(keystore)) {
        throw new IllegalArgumentException("Cannot open the PKCS#12 keystore " + keystore
            + ": the password is wrong or the file is not PKCS#12", e);
      }
      throw new UncheckedIOException("Cannot read the PKCS#12 keystore " + keystore, e);
    }
    try {
      String entry = alias != null ? alias : onlyKeyAlias(store, keystore);
      if (!store.isKeyEntry(entry)) {
        throw new IllegalArgumentException("The PKCS#12 keystore " + keystore + " has no private key"
            + " entry named '" + entry + "'; its aliases are " + Collections.list(store.aliases()));
      }
      Key key = store.getKey(entry, password);
      if (!(key instanceof PrivateKey)) {
        throw new IllegalArgumentException("The entry '" + entry + "' of " + keystore
            + " is not a private key");
      }
      return requireRsa((PrivateKey) key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot read the private key from " + keystore
          + ": the key password differs from the keystore password or the entry is damaged ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static String onlyKeyAlias(KeyStore store, Path keystore) throws GeneralSecurityException {
    List<String> keyAliases = new ArrayList<>();
    for (String a : Collections.list(store.aliases())) {
      if (store.isKeyEntry(a)) {
        keyAliases.add(a);
      }
    }
    if (keyAliases.size() != 1) {
      throw new IllegalArgumentException("The PKCS#12 keystore " + keystore + " has "
          + (keyAliases.isEmpty() ? "no private key entry" : "several private key entries " + keyAliases
              + ": name one with fromPkcs12(path, password, alias)"));
    }
    return keyAliases.get(0);
  }

  private static byte[] decodeBase64(String body, String label) {
    // PEM may carry RFC 1421 headers (such as Proc-Type) before the data; PKCS#8 blocks do not.
    try {
      return Base64.getMimeDecoder().decode(body.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The " + label + " block is not valid Base64");
    }
  }

  private static byte[] decrypt(byte[] der, char[] password) {
    if (password == null) {
      throw new IllegalArgumentException("The key is encrypted (BEGIN ENCRYPTED PRIVATE KEY): pass its"
          + " password to fromPem(pem, password) or fromPemFile(path, password)");
    }
    String algorithm = "unknown";
    PBEKeySpec spec = new PBEKeySpec(password);
    try {
      EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
      algorithm = info.getAlgName();
      // For PBES2 the JDK reports the scheme's real name (such as PBEWithHmacSHA256AndAES_256)
      // only through the parameters' toString().
      if (PBES2.equalsIgnoreCase(algorithm) || PBES2_OID.equals(algorithm)) {
        algorithm = info.getAlgParameters().toString();
      }
      SecretKey key = SecretKeyFactory.getInstance(algorithm).generateSecret(spec);
      Cipher cipher = Cipher.getInstance(algorithm);
      cipher.init(Cipher.DECRYPT_MODE, key, info.getAlgParameters());
      return info.getKeySpec(cipher).getEncoded();
    } catch (IOException e) {
      throw new IllegalArgumentException("The ENCRYPTED PRIVATE KEY block is not a valid PKCS#8"
          + " EncryptedPrivateKeyInfo structure");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot decrypt the private key (scheme " + algorithm
          + "): the password is wrong or the scheme is not supported by this JVM. Re-encrypt it with"
          + " 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-pkcs8.pem'");
    } finally {
      spec.clearPassword();
    }
  }

  private static PrivateKey rsaFromPkcs8(byte[] der) {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(spec);
    } catch (InvalidKeySpecException notRsa) {
      if (isEcKey(spec)) {
        throw new IllegalArgumentException("The key is an EC key. The JWT bearer flow signs with RS256"
            + " and needs an RSA private key");
      }
      throw new IllegalArgumentException("The PEM block is not a valid PKCS#8 RSA private key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JVM has no RSA key factory", e);
    }
  }

  private static boolean isEcKey(PKCS8EncodedKeySpec spec) {
    try {
      KeyFactory.getInstance("EC").generatePrivate(spec);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PrivateKey requireRsa(PrivateKey key) {
    if (!"RSA".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException("The key's algorithm is " + key.getAlgorithm()
          + "; the JWT bearer flow signs with RS256 and needs an RSA private key");
    }
    return key;
  }
}

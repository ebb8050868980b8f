package dev.forcelink.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test keys made in memory: one RSA pair per JVM, written in every format a user may hold. */
final class TestKeys {
  private static final KeyPair RSA = generate("RSA", 2048);
  private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

  private TestKeys() {}

  static KeyPair rsa() {
    return RSA;
  }

  static PrivateKey privateKey() {
    return RSA.getPrivate();
  }

  static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      g.initialize(bits);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PKCS#8, unencrypted: {@code BEGIN PRIVATE KEY}. */
  static String pkcs8Pem(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /** PKCS#8, encrypted with PBES2 / PBKDF2 / AES-256-CBC as {@code openssl pkcs8 -topk8} does. */
  static String encryptedPkcs8Pem(PrivateKey key, char[] password, AlgorithmIdentifier prf) {
    try {
      JceOpenSSLPKCS8EncryptorBuilder encryptor =
          new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
              .setProvider(BOUNCY_CASTLE) // only to write the fixture; reading uses the JDK alone
              .setPassword(password);
      if (prf != null) {
        encryptor.setPRF(prf);
      }
      return pem(new JcaPKCS8Generator(key, encryptor.build()).generate());
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PEM as BouncyCastle writes it: PKCS#1 or SEC1 for private keys, CERTIFICATE for certificates. */
  static String traditionalPem(Object key) {
    return pem(key);
  }

  static X509Certificate selfSigned(KeyPair pair) {
    try {
      X500Name name = new X500Name("CN=forcelink-test");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
          Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name, pair.getPublic());
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a PKCS#12 keystore holding the test key under each alias given. */
  static Path pkcs12(Path file, char[] password, String... aliases) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (String alias : aliases) {
        store.setKeyEntry(alias, RSA.getPrivate(), password, new Certificate[] {selfSigned(RSA)});
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password);
      }
      return file;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

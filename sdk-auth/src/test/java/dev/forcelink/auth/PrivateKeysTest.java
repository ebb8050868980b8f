package dev.forcelink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateKeysTest {
  private static final char[] PASSWORD = "k3y-passw0rd".toCharArray();
  private static final String KEY_BASE64 = Base64.getEncoder().encodeToString(TestKeys.privateKey().getEncoded());

  @TempDir
  Path dir;

  @Test
  void readsPlainPkcs8Pem() {
    PrivateKey key = PrivateKeys.fromPem(TestKeys.pkcs8Pem(TestKeys.privateKey()));
    assertThat(key.getEncoded()).isEqualTo(TestKeys.privateKey().getEncoded());
  }

  @Test
  void skipsOtherBlocksSuchAsCertificates() {
    String pem = "subject=CN=forcelink-test\n" + TestKeys.traditionalPem(TestKeys.selfSigned(TestKeys.rsa()))
        + TestKeys.pkcs8Pem(TestKeys.privateKey());
    assertThat(PrivateKeys.fromPem(pem).getEncoded()).isEqualTo(TestKeys.privateKey().getEncoded());
  }

  @Test
  void readsEncryptedPkcs8PemWithHmacSha256AndSha1Prf() {
    String sha256 = TestKeys.encryptedPkcs8Pem(TestKeys.privateKey(), PASSWORD, JcaPKCS8Generator.PRF_HMACSHA256);
    String sha1 = TestKeys.encryptedPkcs8Pem(TestKeys.privateKey(), PASSWORD, null);
    assertThat(sha256).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

    assertThat(PrivateKeys.fromPem(sha256, PASSWORD.clone()).getEncoded()).isEqualTo(TestKeys.privateKey().getEncoded());
    assertThat(PrivateKeys.fromPem(sha1, PASSWORD.clone()).getEncoded()).isEqualTo(TestKeys.privateKey().getEncoded());
  }

  @Test
  void leavesTheCallersPasswordArrayAlone() {
    char[] password = PASSWORD.clone();
    PrivateKeys.fromPem(TestKeys.encryptedPkcs8Pem(TestKeys.privateKey(), PASSWORD, null), password);
    assertThat(password).isEqualTo(PASSWORD);
  }

  @Test
  void encryptedKeyNeedsTheRightPassword() {
    String pem = TestKeys.encryptedPkcs8Pem(TestKeys.privateKey(), PASSWORD, JcaPKCS8Generator.PRF_HMACSHA256);
    assertThatThrownBy(() -> PrivateKeys.fromPem(pem))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
    assertThatThrownBy(() -> PrivateKeys.fromPem(pem, "wrong".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password is wrong")
        .hasMessageNotContaining("wrong\"");
  }

  @Test
  void rejectsPkcs1WithTheOpensslCommand() {
    String pkcs1 = TestKeys.traditionalPem(TestKeys.privateKey());
    assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThatThrownBy(() -> PrivateKeys.fromPem(pkcs1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PKCS#1")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(pkcs1.substring(40, 80)));
  }

  @Test
  void rejectsEcKeysInSec1AndPkcs8Form() {
    PrivateKey ec = TestKeys.generate("EC", 256).getPrivate();
    String sec1 = TestKeys.traditionalPem(ec);
    assertThat(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThatThrownBy(() -> PrivateKeys.fromPem(sec1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RSA")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
    assertThatThrownBy(() -> PrivateKeys.fromPem(TestKeys.pkcs8Pem(ec)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EC key");
  }

  @Test
  void rejectsTextWithoutAKey() {
    assertThatThrownBy(() -> PrivateKeys.fromPem("not a key"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BEGIN PRIVATE KEY");
    assertThatThrownBy(() -> PrivateKeys.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid PKCS#8");
  }

  @Test
  void readsPemFiles(@TempDir Path tmp) throws Exception {
    Path plain = Files.writeString(tmp.resolve("key.pem"), TestKeys.pkcs8Pem(TestKeys.privateKey()));
    Path encrypted = Files.writeString(tmp.resolve("enc.pem"),
        TestKeys.encryptedPkcs8Pem(TestKeys.privateKey(), PASSWORD, JcaPKCS8Generator.PRF_HMACSHA256));
    assertThat(PrivateKeys.fromPemFile(plain).getEncoded()).isEqualTo(TestKeys.privateKey().getEncoded());
    assertThat(PrivateKeys.fromPemFile(encrypted, PASSWORD).getEncoded()).isEqualTo(TestKeys.privateKey().getEncoded());
    assertThatThrownBy(() -> PrivateKeys.fromPemFile(tmp.resolve("missing.pem")))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.pem");
  }

  @Test
  void readsPkcs12WithOrWithoutAlias() {
    Path single = TestKeys.pkcs12(dir.resolve("single.p12"), PASSWORD, "salesforce");
    assertThat(PrivateKeys.fromPkcs12(single, PASSWORD).getEncoded()).isEqualTo(TestKeys.privateKey().getEncoded());
    assertThat(PrivateKeys.fromPkcs12(single, PASSWORD, "salesforce").getEncoded())
        .isEqualTo(TestKeys.privateKey().getEncoded());

    Path two = TestKeys.pkcs12(dir.resolve("two.p12"), PASSWORD, "one", "two");
    assertThatThrownBy(() -> PrivateKeys.fromPkcs12(two, PASSWORD))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("several").hasMessageContaining("alias");
    assertThat(PrivateKeys.fromPkcs12(two, PASSWORD, "two")).isNotNull();
    assertThatThrownBy(() -> PrivateKeys.fromPkcs12(two, PASSWORD, "three"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three");
  }

  @Test
  void pkcs12NeedsTheRightPassword() {
    Path store = TestKeys.pkcs12(dir.resolve("store.p12"), PASSWORD, "salesforce");
    assertThatThrownBy(() -> PrivateKeys.fromPkcs12(store, "nope".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
  }

  @Test
  void noMessageCarriesKeyMaterial() {
    String encrypted = TestKeys.encryptedPkcs8Pem(TestKeys.privateKey(), PASSWORD, null);
    for (Runnable attempt : new Runnable[] {
        () -> PrivateKeys.fromPem(encrypted, "bad".toCharArray()),
        () -> PrivateKeys.fromPem(TestKeys.traditionalPem(TestKeys.privateKey())),
        () -> PrivateKeys.fromPem(TestKeys.pkcs8Pem(TestKeys.privateKey()).replace("M", "*"))}) {
      assertThatThrownBy(attempt::run).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY_BASE64.substring(100, 140),
              new String(PASSWORD)));
    }
  }
}

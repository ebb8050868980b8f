package dev.forcelink.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.AuthProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Plants known secrets in every flow, runs each through success and failure with all logging at
 * TRACE, and checks that no log line, exception message (whole cause chain) or {@code toString}
 * shows any of them.
 */
class SecretLeakTest {
  private static final String CLIENT_SECRET = "HONEYclientSecret7Q";
  private static final String PASSWORD = "HONEYpassword8R";
  private static final String SECURITY_TOKEN = "HONEYsecurityToken9S";
  private static final String REFRESH_TOKEN = "HONEYrefreshToken1A";
  private static final String ROTATED_REFRESH_TOKEN = "HONEYrotatedRefresh2B";
  private static final String CODE = "HONEYauthorizationCode3C";
  private static final String ACCESS_TOKEN = "00DHONEY0000001!HONEYaccessToken4D";
  private static final Pkce PKCE = Pkce.generate();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<Throwable> failures = new ArrayList<>();
  private final List<Object> shown = new ArrayList<>();
  private Logger root;
  private Level rootLevel;

  @BeforeEach
  void captureLogs() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    ((Logger) LoggerFactory.getLogger("dev.forcelink")).setLevel(Level.TRACE);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stopCapture() {
    root.detachAppender(logs);
    root.setLevel(rootLevel);
  }

  @Test
  void noPlantedSecretEscapes() {
    Secret clientSecret = Secret.of(CLIENT_SECRET);
    String signedBody = Wire.signedToken(wm, ACCESS_TOKEN, clientSecret,
        ",\"refresh_token\":\"" + ROTATED_REFRESH_TOKEN + "\"");
    String oauthError = "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}";

    // JWT bearer: success, renewal, refusal, server error, dropped connection.
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.unsignedToken(wm, ACCESS_TOKEN))));
    JwtBearerAuth.Builder jwtBuilder = JwtBearerAuth.builder().clientId("3MVG9leak").username("leak@acme.example")
        .loginUrl(Wire.base(wm)).privateKey(TestKeys.privateKey());
    JwtBearerAuth jwt = jwtBuilder.build();
    exercise(jwt);
    shown.add(jwtBuilder);
    List<String> assertions = new ArrayList<>();
    Wire.tokenForms(wm).forEach(f -> assertions.add(f.get("assertion")));
    assertThat(assertions).isNotEmpty().allSatisfy(a -> assertThat(a).isNotBlank());
    failWith(aResponse().withStatus(400).withBody(oauthError), () -> jwtBuilder.build().token());
    failWith(aResponse().withStatus(500).withBody("<html>" + ACCESS_TOKEN + "</html>"), () -> jwtBuilder.build().token());
    failWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), () -> jwtBuilder.build().token());

    // Client credentials, in the body and with HTTP Basic; a forged signature.
    ClientCredentialsAuth.Builder ccBuilder = ClientCredentialsAuth.builder().clientId("3MVG9leak")
        .clientSecret(clientSecret).myDomainUrl(Wire.base(wm));
    shown.add(ccBuilder);
    ok(signedBody);
    exercise(ccBuilder.build());
    exercise(ccBuilder.useHttpBasic(true).build());
    ok(Wire.signedToken(wm, ACCESS_TOKEN, Secret.of("forged"), ""));
    failures.add(catching(() -> ccBuilder.build().token()));
    failWith(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}"),
        () -> ccBuilder.build().token());

    // Refresh token, with rotation; then refused.
    RefreshTokenAuth.Builder rtBuilder = RefreshTokenAuth.builder().clientId("3MVG9leak").clientSecret(clientSecret)
        .refreshToken(Secret.of(REFRESH_TOKEN)).loginUrl(Wire.base(wm));
    shown.add(rtBuilder);
    ok(signedBody);
    exercise(rtBuilder.build());
    failWith(aResponse().withStatus(400).withBody(oauthError), () -> rtBuilder.build().token());

    // Password with security token; refused; a truncated answer holding the access token.
    PasswordAuth.Builder pwBuilder = PasswordAuth.builder().clientId("3MVG9leak").clientSecret(clientSecret)
        .username("leak@acme.example").password(Secret.of(PASSWORD)).securityToken(Secret.of(SECURITY_TOKEN))
        .loginUrl(Wire.base(wm));
    shown.add(pwBuilder);
    ok(signedBody);
    exercise(pwBuilder.build());
    failWith(aResponse().withStatus(400).withBody(oauthError), () -> pwBuilder.build().token());
    failWith(aResponse().withStatus(200).withBody("{\"access_token\":\"" + ACCESS_TOKEN.substring(0, 25)),
        () -> pwBuilder.build().token());
    failWith(aResponse().withStatus(200).withBody("{\"access_token\":\"" + ACCESS_TOKEN + "\"}"),
        () -> pwBuilder.build().token());

    // Authorization code with PKCE; its refresh provider; a used code.
    AuthorizationCodeFlow.Builder codeBuilder = AuthorizationCodeFlow.builder().clientId("3MVG9leak")
        .clientSecret(clientSecret).redirectUri(URI.create("http://localhost/cb")).loginUrl(Wire.base(wm));
    AuthorizationCodeFlow flow = codeBuilder.build();
    shown.add(codeBuilder);
    shown.add(flow);
    shown.add(PKCE);
    shown.add(State.generate());
    shown.add(flow.authorizeUrl(State.generate(), PKCE, Set.of("api")));
    ok(signedBody);
    AccessToken exchanged = flow.exchange(CODE, PKCE);
    shown.add(exchanged);
    exercise(flow.toRefreshTokenAuth(exchanged));
    failWith(aResponse().withStatus(400).withBody(oauthError), () -> flow.exchange(CODE, PKCE));

    // Static token.
    StaticTokenAuth staticAuth = StaticTokenAuth.of(Secret.of(ACCESS_TOKEN), Wire.base(wm));
    shown.add(staticAuth);
    shown.add(StaticTokenAuth.builder().accessToken(Secret.of(ACCESS_TOKEN)));
    failures.add(catching(() -> staticAuth.refresh(staticAuth.token())));

    // The other endpoints.
    SalesforceOAuth.Builder oauthBuilder = SalesforceOAuth.builder().loginUrl(Wire.base(wm)).clientId("3MVG9leak")
        .clientSecret(clientSecret);
    SalesforceOAuth oauth = oauthBuilder.build();
    shown.add(oauthBuilder);
    shown.add(oauth);
    wm.stubFor(post("/services/oauth2/revoke").willReturn(aResponse().withStatus(200)));
    oauth.revoke(Secret.of(REFRESH_TOKEN));
    wm.stubFor(post("/services/oauth2/introspect").willReturn(okJson("{\"active\":true,\"client_id\":\"3MVG9leak\"}")));
    shown.add(oauth.introspect(Secret.of(ACCESS_TOKEN), TokenTypeHint.ACCESS_TOKEN));
    wm.stubFor(get("/services/oauth2/userinfo").willReturn(okJson("{\"user_id\":\"005\",\"organization_id\":\"00D\"}")));
    shown.add(oauth.userInfo(exchanged));
    wm.stubFor(get("/services/oauth2/userinfo").willReturn(aResponse().withStatus(403).withBody("Bad_OAuth_Token")));
    failures.add(catching(() -> oauth.userInfo(exchanged)));
    wm.stubFor(post("/services/oauth2/revoke").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_token\",\"error_description\":\"invalid token\"}")));
    failures.add(catching(() -> oauth.revoke(Secret.of(REFRESH_TOKEN))));

    List<String> planted = new ArrayList<>(List.of(CLIENT_SECRET, PASSWORD, SECURITY_TOKEN, REFRESH_TOKEN,
        ROTATED_REFRESH_TOKEN, CODE, ACCESS_TOKEN, PKCE.verifier().reveal(), PASSWORD + SECURITY_TOKEN,
        Base64.getEncoder().encodeToString((("3MVG9leak:" + CLIENT_SECRET)).getBytes())));
    planted.addAll(assertions);
    String keyBase64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TestKeys.privateKey().getEncoded());
    keyBase64.lines().skip(1).limit(5).forEach(planted::add);

    assertThat(logs.list).as("the flows log their requests").isNotEmpty();
    assertThat(failures).as("every failure case failed").doesNotContainNull().hasSizeGreaterThanOrEqualTo(12);
    List<String> texts = new ArrayList<>();
    for (ILoggingEvent event : logs.list) {
      texts.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        texts.add(String.valueOf(t.getMessage()));
        texts.add(t.toString());
      }
    }
    for (Object object : shown) {
      texts.add(String.valueOf(object));
    }
    for (String text : texts) {
      for (String secret : planted) {
        assertThat(text).as("a log line, message or toString").doesNotContain(secret);
      }
    }
  }

  /** Gets a token twice, renews it, and records every object's toString. */
  private void exercise(AuthProvider provider) {
    AccessToken token = provider.token();
    shown.add(provider);
    shown.add(token);
    shown.add(provider.refresh(token));
    shown.add(provider);
  }

  private void ok(String body) {
    wm.resetAll();
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(body)));
  }

  private void failWith(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response, Runnable call) {
    wm.resetAll();
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(response));
    failures.add(catching(call));
  }

  private static Throwable catching(Runnable call) {
    try {
      call.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}

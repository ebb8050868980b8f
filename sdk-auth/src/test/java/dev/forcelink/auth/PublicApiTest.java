package dev.forcelink.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public surface names no internal or third-party type, and exposes no public constructor. */
class PublicApiTest {
  private static final List<String> FORBIDDEN = List.of("dev.forcelink.auth.internal.", "com.fasterxml.",
      "com.nimbusds.", "dev.failsafe.", "org.slf4j.");

  @Test
  void publicSignaturesUseOnlyOwnAndJdkTypes() throws Exception {
    List<Class<?>> types = publicTypes();
    assertThat(types).contains(JwtBearerAuth.class, JwtBearerAuth.Builder.class, PrivateKeys.class, SalesforceOAuth.class);
    List<String> offences = new ArrayList<>();
    for (Class<?> type : types) {
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
          check(type, m.toGenericString(), offences);
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(c.getModifiers())) {
          offences.add(type.getName() + " has a public constructor");
        }
        check(type, c.toGenericString(), offences);
      }
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isPublic(f.getModifiers())) {
          check(type, f.toGenericString(), offences);
        }
      }
      for (Type t : type.getGenericInterfaces()) {
        check(type, t.getTypeName(), offences);
      }
    }
    assertThat(offences).isEmpty();
  }

  private static void check(Class<?> owner, String signature, List<String> offences) {
    for (String prefix : FORBIDDEN) {
      if (signature.contains(prefix)) {
        offences.add(owner.getSimpleName() + ": " + signature);
      }
    }
  }

  private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir = Path.of(JwtBearerAuth.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("dev/forcelink/auth");
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("package-info.class")) {
          Class<?> type = Class.forName("dev.forcelink.auth." + name.substring(0, name.length() - 6));
          if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass() && !type.isSynthetic()) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }
}

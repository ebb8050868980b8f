package dev.forcelink.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Public signatures outside internal packages name only our own and JDK types. */
class PublicApiTest {

  @Test
  void publicSignaturesExposeNoInternalOrThirdPartyType() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(SalesforceConnection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> problems = new ArrayList<>();
    List<Path> classFiles;
    try (Stream<Path> files = Files.walk(root)) {
      classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
    }
    for (Path file : classFiles) {
      String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
      if (name.contains(".internal.") || name.endsWith("package-info")) {
        continue;
      }
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      if (!Modifier.isPublic(type.getModifiers())) {
        continue;
      }
      List<Executable> members = new ArrayList<>();
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
          members.add(m);
          check(m.getGenericReturnType(), type.getName() + "." + m.getName(), problems);
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers())) {
          members.add(c);
        }
      }
      for (Executable e : members) {
        for (Type p : e.getGenericParameterTypes()) {
          check(p, type.getName() + "." + e.getName(), problems);
        }
      }
    }
    assertThat(classFiles).isNotEmpty();
    assertThat(problems).isEmpty();
  }

  private static void check(Type t, String where, List<String> problems) {
    if (t instanceof Class<?>) {
      Class<?> c = (Class<?>) t;
      while (c.isArray()) {
        c = c.getComponentType();
      }
      String n = c.getName();
      boolean allowed = c.isPrimitive() || n.startsWith("java.") || (n.startsWith("dev.forcelink.") && !n.contains(".internal."));
      if (!allowed) {
        problems.add(where + " exposes " + n);
      }
    } else if (t instanceof ParameterizedType) {
      check(((ParameterizedType) t).getRawType(), where, problems);
      for (Type a : ((ParameterizedType) t).getActualTypeArguments()) {
        check(a, where, problems);
      }
    } else if (t instanceof WildcardType) {
      for (Type b : ((WildcardType) t).getUpperBounds()) {
        check(b, where, problems);
      }
      for (Type b : ((WildcardType) t).getLowerBounds()) {
        check(b, where, problems);
      }
    } else if (t instanceof TypeVariable<?>) {
      for (Type b : ((TypeVariable<?>) t).getBounds()) {
        check(b, where, problems);
      }
    }
  }
}

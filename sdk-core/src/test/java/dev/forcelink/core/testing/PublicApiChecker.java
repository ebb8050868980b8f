package dev.forcelink.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a module's public API: no public or protected signature of a public type outside an
 * {@code internal} package may name a third-party type (Jackson, Failsafe, nimbus, gRPC, protobuf,
 * Avro) or one of our {@code internal} types. Modules call it from a test with one of their classes
 * as the anchor, so the check scans exactly that module's compiled classes.
 *
 * <p>Not thread-safe; meant for tests.
 */
public final class PublicApiChecker {
  /** Packages whose types must never appear in a public signature. */
  public static final Set<String> FORBIDDEN_PREFIXES = Set.of(
      "com.fasterxml.", "dev.failsafe.", "com.nimbusds.", "io.grpc.", "com.google.protobuf.",
      "org.apache.avro.", "org.slf4j.", "org.bouncycastle.");

  private PublicApiChecker() {}

  /**
   * Returns every violation in the module that contains {@code anchor}.
   *
   * @param anchor any class of the module to check
   * @param allowed type-name prefixes allowed despite {@link #FORBIDDEN_PREFIXES}
   * @return human-readable violations, sorted; empty when the API is clean
   */
  public static List<String> violations(Class<?> anchor, Set<String> allowed) {
    Path root = classesRoot(anchor);
    Set<String> out = new TreeSet<>();
    for (String className : classNames(root)) {
      Class<?> type;
      try {
        type = Class.forName(className, false, anchor.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        out.add(className + ": cannot load (" + e + ")");
        continue;
      }
      if (!isExported(type)) {
        continue;
      }
      check(type.getName() + " extends", type.getGenericSuperclass(), allowed, out);
      for (Type i : type.getGenericInterfaces()) {
        check(type.getName() + " implements", i, allowed, out);
      }
      for (Field f : type.getDeclaredFields()) {
        if (isVisible(f.getModifiers())) {
          check(type.getName() + "." + f.getName(), f.getGenericType(), allowed, out);
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        checkExecutable(type, c, allowed, out);
      }
      for (Method m : type.getDeclaredMethods()) {
        if (!m.isSynthetic() && !m.isBridge()) {
          checkExecutable(type, m, allowed, out);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static void checkExecutable(Class<?> owner, Executable e, Set<String> allowed, Set<String> out) {
    if (!isVisible(e.getModifiers()) || e.isSynthetic()) {
      return;
    }
    String where = owner.getName() + "." + e.getName();
    for (Type p : e.getGenericParameterTypes()) {
      check(where + " parameter", p, allowed, out);
    }
    for (Type x : e.getGenericExceptionTypes()) {
      check(where + " throws", x, allowed, out);
    }
    if (e instanceof Method m) {
      check(where + " returns", m.getGenericReturnType(), allowed, out);
    }
  }

  private static boolean isExported(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    if (type.getPackageName().contains(".internal")) {
      return false;
    }
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers()) && !(c != type && Modifier.isProtected(c.getModifiers()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(String where, Type type, Set<String> allowed, Set<String> out) {
    if (type == null) {
      return;
    }
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      String name = c.getName();
      boolean forbidden = FORBIDDEN_PREFIXES.stream().anyMatch(name::startsWith)
          || (name.startsWith("dev.forcelink.") && name.contains(".internal."));
      if (forbidden && allowed.stream().noneMatch(name::startsWith)) {
        out.add(where + " names " + name);
      }
    } else if (type instanceof ParameterizedType p) {
      check(where, p.getRawType(), allowed, out);
      for (Type a : p.getActualTypeArguments()) {
        check(where, a, allowed, out);
      }
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(where, b, allowed, out);
      }
      for (Type b : w.getLowerBounds()) {
        check(where, b, allowed, out);
      }
    } else if (type instanceof GenericArrayType g) {
      check(where, g.getGenericComponentType(), allowed, out);
    } else if (type instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        check(where, b, allowed, out);
      }
    }
  }

  private static Path classesRoot(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the classes of " + anchor, e);
    }
  }

  private static List<String> classNames(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("Expected a classes directory, found " + root);
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".class"))
          .map(p -> root.relativize(p).toString())
          .filter(n -> !n.endsWith("package-info.class") && !n.endsWith("module-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

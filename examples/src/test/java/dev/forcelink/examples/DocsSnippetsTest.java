package dev.forcelink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code block that the README or a guide marks with {@code <!-- snippet: NAME -->} must be
 * the text between {@code // snippet: NAME} and {@code // end snippet} in the examples' main or test sources, so
 * documentation never shows code that does not compile.
 */
class DocsSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern DOC_MARKER =
      Pattern.compile("<!-- snippet: ([\\w-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SOURCE_MARKER =
      Pattern.compile("// snippet: ([\\w-]+)\\n(.*?)\\n\\s*// end snippet", Pattern.DOTALL);

  @Test
  void documentedSnippetsMatchCompiledSources() throws IOException {
    Map<String, String> sources = new HashMap<>();
    for (String dir : List.of("examples/src/main/java", "examples/src/test/java")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = SOURCE_MARKER.matcher(Files.readString(file));
          while (m.find()) {
            sources.put(m.group(1), normalize(m.group(2)));
          }
        }
      }
    }
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
    }
    int checked = 0;
    for (Path doc : docs) {
      Matcher m = DOC_MARKER.matcher(Files.readString(doc));
      while (m.find()) {
        String name = m.group(1);
        assertThat(sources).as("snippet %s used in %s", name, doc.getFileName()).containsKey(name);
        assertThat(normalize(m.group(2))).as("snippet %s in %s", name, doc.getFileName())
            .isEqualTo(sources.get(name));
        checked++;
      }
    }
    assertThat(checked).as("documented snippets found").isPositive();
  }

  /** Removes the common indentation and trailing blanks, so indentation in the source does not matter. */
  private static String normalize(String block) {
    List<String> lines = new ArrayList<>(List.of(block.stripTrailing().split("\n", -1)));
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
    }
    return out.toString();
  }
}

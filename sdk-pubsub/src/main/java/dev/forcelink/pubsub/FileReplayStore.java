package dev.forcelink.pubsub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ReplayStore} that keeps one small file per subscription key in a directory, so positions
 * survive a process restart. Each save writes a temporary file, forces it to disk and renames it over
 * the old one with an atomic move, so a crash leaves either the old or the new position, never a
 * torn file.
 *
 * <p>The file name is the key with every character other than letters, digits, {@code -} and
 * {@code _} replaced by {@code _}, followed by a short hash of the exact key, so distinct keys never
 * share a file. The content is the replay id in hex. Thread-safe within one process; two processes
 * must not save the same key at once.
 */
public final class FileReplayStore implements ReplayStore {
  private static final String SUFFIX = ".replay";

  private final Path directory;

  private FileReplayStore(Path directory) {
    this.directory = directory;
  }

  /**
   * Creates a store in {@code directory}, creating the directory if needed.
   *
   * @param directory where the position files live
   * @return the store
   * @throws NullPointerException if {@code directory} is null
   * @throws ReplayStoreException if the directory cannot be created or is not a directory
   */
  public static FileReplayStore create(Path directory) {
    Objects.requireNonNull(directory, "directory");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ReplayStoreException("Cannot create the replay store directory " + directory
          + "; check that the path is a writable directory", e);
    }
    return new FileReplayStore(directory);
  }

  /**
   * Returns the directory.
   *
   * @return the directory holding the position files
   */
  public Path directory() {
    return directory;
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if the key is null
   * @throws ReplayStoreException if the file cannot be read or does not hold a replay id
   */
  @Override
  public Optional<ReplayId> load(String subscriptionKey) {
    Path file = fileFor(subscriptionKey);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ReplayStoreException("Cannot read the replay position file " + file, e);
    }
    try {
      return Optional.of(ReplayId.fromHex(text));
    } catch (IllegalArgumentException e) {
      throw new ReplayStoreException("The replay position file " + file + " does not hold a replay id in hex; "
          + "delete it to start from the subscription's initial position", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if an argument is null
   * @throws ReplayStoreException if the file cannot be written
   */
  @Override
  public void save(String subscriptionKey, ReplayId replayId) {
    Objects.requireNonNull(replayId, "replayId");
    Path file = fileFor(subscriptionKey);
    Path temp = null;
    try {
      temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer content = ByteBuffer.wrap((replayId.toHex() + "\n").getBytes(StandardCharsets.US_ASCII));
        while (content.hasRemaining()) {
          channel.write(content);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new ReplayStoreException("The file system of " + directory + " cannot rename atomically; "
            + "put the replay store on a local file system", e);
      }
      temp = null;
    } catch (IOException e) {
      throw new ReplayStoreException("Cannot write the replay position file " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The failure that got us here is the one worth reporting.
        }
      }
    }
  }

  Path fileFor(String subscriptionKey) {
    Objects.requireNonNull(subscriptionKey, "subscriptionKey");
    String safe = subscriptionKey.replaceAll("[^A-Za-z0-9_-]", "_");
    if (safe.length() > 100) {
      safe = safe.substring(0, 100);
    }
    return directory.resolve(safe + "-" + shortHash(subscriptionKey) + SUFFIX);
  }

  private static String shortHash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "FileReplayStore{directory=" + directory + "}";
  }
}

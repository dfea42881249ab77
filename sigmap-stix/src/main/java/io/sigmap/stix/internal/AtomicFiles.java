package io.sigmap.stix.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the whole new content: into a temporary sibling,
 * then moved into place. The temporary file is created like any other file, so the result gets the permissions
 * the user's umask gives ({@code Files.createTempFile} would make it readable by its owner only). Internal:
 * exported to sibling modules only.
 */
public final class AtomicFiles {

  /** What to write. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the content.
     *
     * @param out the stream; do not close it
     * @throws IOException if writing fails
     */
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes a file atomically; its parent directory must exist.
   *
   * @param target the file
   * @param body what to write
   * @throws IOException if the file cannot be written; the target is then unchanged
   */
  public static void write(Path target, Body body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    String name = String.format(Locale.ROOT, ".%s.%016x.tmp", target.getFileName(),
        ThreadLocalRandom.current().nextLong());
    Path tmp = dir.resolve(name);
    try {
      try (OutputStream out = new BufferedOutputStream(
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
        body.write(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

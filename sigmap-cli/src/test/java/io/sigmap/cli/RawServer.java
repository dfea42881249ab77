package io.sigmap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A socket server on 127.0.0.1 that answers every connection with fixed bytes and then closes it, or keeps it
 * open without a word: for the failures an HTTP server library will not produce (a body shorter than its
 * Content-Length, a server that stops talking).
 */
final class RawServer implements AutoCloseable {

  private final ServerSocket socket;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private RawServer(byte[] answer, boolean keepOpen) throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          open.add(s);
          readRequest(s.getInputStream());
          OutputStream out = s.getOutputStream();
          out.write(answer);
          out.flush();
          if (!keepOpen) {
            s.close();
          }
        } catch (IOException e) {
          return;
        }
      }
    }, "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Answers with the bytes, then closes the connection. */
  static RawServer answering(String headers, byte[] body) {
    return start(concat(headers, body), false);
  }

  /** Answers with the bytes, then keeps the connection open and silent. */
  static RawServer stalling(String headers, byte[] body) {
    return start(concat(headers, body), true);
  }

  private static RawServer start(byte[] answer, boolean keepOpen) {
    try {
      return new RawServer(answer, keepOpen);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the raw test server", e);
    }
  }

  private static byte[] concat(String headers, byte[] body) {
    byte[] h = headers.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static void readRequest(InputStream in) throws IOException {
    int state = 0;
    for (int c; (c = in.read()) >= 0; ) {
      state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
          ? state + 1 : (c == '\r' ? 1 : 0);
      if (state == 4) {
        return;
      }
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}

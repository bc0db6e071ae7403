package dev.llmock.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection: GET, read the status line, headers and body
 * (Content-Length or chunked). It does a few microseconds of work per request, so a benchmark through it measures the
 * server, not the client.
 */
final class RawHttpClient implements Closeable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    RawHttpClient(int port) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a GET of {@code pathAndQuery}, to build once and send many times. */
    static byte[] request(String pathAndQuery) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    String get(String pathAndQuery) {
        return new String(send(request(pathAndQuery)), StandardCharsets.UTF_8);
    }

    /** Sends a request built by {@link #request} and returns the body; fails unless the status is 200. */
    byte[] send(byte[] request) {
        try {
            out.write(request);
            out.flush();
            String status = readLine();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("Expected 200 but got: " + status);
            }
            int length = -1;
            boolean chunked = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(readLine().trim(), 16); size > 0;
                     size = Integer.parseInt(readLine().trim(), 16)) {
                    body.write(in.readNBytes(size));
                    readLine();
                }
                readLine();
                return body.toByteArray();
            }
            if (length < 0) {
                throw new IllegalStateException("A response with neither Content-Length nor chunked encoding");
            }
            return in.readNBytes(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readLine() throws IOException {
        line.reset();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.yingji.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive client for load generation: one socket per calling thread, requests written as
 * prepared bytes, responses read by {@code Content-Length} or chunks. It exists because the JDK's {@code HttpClient}
 * (a selector thread, a worker hand-off and futures per request) took about a third of the CPU of an intake run on
 * the two cores the server needs, which is what load tools like wrk avoid. It speaks just what the scenarios send.
 */
public final class RawHttp {

    /** A response: status and body as text. */
    public record Response(int status, String body) {}

    private final String host;
    private final int port;
    private final byte[] fixedHeaders;
    private final ThreadLocal<Conn> conns = new ThreadLocal<>();

    /**
     * @param base for example {@code http://localhost:8080}
     * @param headers sent with every request (name, value, …): cookie, CSRF token
     */
    public RawHttp(String base, String... headers) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        StringBuilder h = new StringBuilder("Host: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        this.fixedHeaders = h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** POSTs {@code body} with the fixed headers and the given ones (name, value, …). */
    public Response post(String path, byte[] body, String... headers) throws IOException {
        return send("POST", path, body, headers);
    }

    /** GETs {@code path}. */
    public Response get(String path, String... headers) throws IOException {
        return send("GET", path, null, headers);
    }

    private Response send(String method, String path, byte[] body, String... headers) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream(256 + (body == null ? 0 : body.length));
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        req.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        req.writeBytes(fixedHeaders);
        StringBuilder h = new StringBuilder();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            h.append("Content-Length: ").append(body.length).append("\r\n");
        }
        h.append("\r\n");
        req.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            req.writeBytes(body);
        }
        byte[] bytes = req.toByteArray();
        Conn c = conns.get();
        if (c != null) {
            try {
                return c.exchange(bytes);
            } catch (IOException stale) {
                // The server closed an idle keep-alive connection: one fresh attempt.
                c.close();
            }
        }
        c = new Conn(host, port);
        conns.set(c);
        return c.exchange(bytes);
    }

    private static final class Conn {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Conn(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(120_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Response exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            if (status.isEmpty()) {
                throw new IOException("connection closed");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(chunkSize(line()), 16); size > 0; ) {
                    body.writeBytes(in.readNBytes(size));
                    line();
                    size = Integer.parseInt(chunkSize(line()), 16);
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                body.writeBytes(in.readNBytes((int) length));
            }
            if (close) {
                close();
            }
            return new Response(code, body.toString(StandardCharsets.UTF_8));
        }

        private static String chunkSize(String line) {
            int semi = line.indexOf(';');
            return (semi < 0 ? line : line.substring(0, semi)).trim();
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) b);
            }
            return sb.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}

package org.hotline.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Requests byte for byte as a hostile or broken client sends them (any method, any content type,
 * bytes that are not UTF-8), which a convenience client such as RestAssured would tidy up.
 */
final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** What came back; status 0 means no answer at all (refused, reset, timed out). */
    record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** Bodies bigger than this are announced first ({@link #announce}): no service takes one. */
    private static final int ANNOUNCED_ONLY_ABOVE = 1024 * 1024;

    private RawHttp() {
    }

    /**
     * A request with a body too big for any service, over a plain socket: the headers announce its
     * length, and the answer is read before the body is sent, since a server that refuses it by its
     * announced length answers at once and closes the connection (writing the body into a closed
     * connection would lose that answer, and Java's HTTP client can wait on it for ever). Only a
     * server that answers nothing within {@code timeout / 2} gets the body, then has the rest of the
     * time to answer. Status 0 is no answer: a hang, a reset or a crash.
     */
    private static Answer announce(String method, String url, String contentType, byte[] body,
            Map<String, String> headers, Duration timeout) {
        URI uri = URI.create(url);
        StringBuilder head = new StringBuilder(method + " " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        String token = System.getProperty(RunningHotline.TOKEN_PROPERTY);
        if (!headers.containsKey("Authorization") && token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout((int) timeout.toMillis() / 2);
            int first;
            try {
                first = in.read();
            } catch (SocketTimeoutException waitingForTheBody) {
                out.write(body);
                out.flush();
                first = in.read();
            }
            if (first < 0) {
                return new Answer(0, "", "connection closed without an answer");
            }
            return read(first, in);
        } catch (IOException e) {
            return new Answer(0, "", e.toString());
        }
    }

    /**
     * Status, content type and body of an HTTP/1.1 answer whose first byte is {@code first}: its
     * head to the blank line, then as many bytes as its {@code Content-Length} says (or to the
     * connection's close). A server that refuses a body it has not read may keep the connection
     * open for it, so the answer's end is its length, not the close.
     */
    private static Answer read(int first, InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(first);
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.write(next);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            return new Answer(0, "", "not an HTTP answer: " + lines[0]);
        }
        String type = "";
        int length = -1;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = line.substring("content-type:".length()).strip();
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        return new Answer(Integer.parseInt(statusLine[1]), type, new String(body, StandardCharsets.UTF_8));
    }

    static Answer send(String method, String url, String contentType, byte[] body, Map<String, String> headers) {
        return send(method, url, contentType, body, headers, Duration.ofSeconds(30));
    }

    static Answer send(String method, String url, String contentType, byte[] body, Map<String, String> headers,
            Duration timeout) {
        if (body != null && body.length > ANNOUNCED_ONLY_ABOVE) {
            return announce(method, url, contentType, body, headers, timeout);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!headers.containsKey("Authorization")) {
            // The system tests' all-roles token (RunningHotline); a hostile input names its own.
            String token = System.getProperty(RunningHotline.TOKEN_PROPERTY);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Optional<String> type = response.headers().firstValue("Content-Type");
            return new Answer(response.statusCode(), type.orElse(""), response.body());
        } catch (IOException e) {
            return new Answer(0, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", e.toString());
        }
    }
}

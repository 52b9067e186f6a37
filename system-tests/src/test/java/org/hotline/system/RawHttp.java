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
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            answer.write(first);
            in.transferTo(answer);
            return parse(answer.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return new Answer(0, "", e.toString());
        }
    }

    /** Status, content type and body of an HTTP/1.1 answer read to the connection's close. */
    private static Answer parse(String raw) {
        int headEnd = raw.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? raw : raw.substring(0, headEnd);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            return new Answer(0, "", "not an HTTP answer: " + lines[0]);
        }
        String type = "";
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                type = line.substring("content-type:".length()).strip();
            }
        }
        String body = headEnd < 0 ? "" : new String(raw.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
        return new Answer(Integer.parseInt(statusLine[1]), type, body);
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

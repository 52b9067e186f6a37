package org.hotline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every service must tell a browser, checked the same way for each: no type sniffing, no
 * framing, no Referer, the service's Content-Security-Policy, and no CORS grant to any origin.
 */
public final class BrowserProtections {

    /** An API answer loads nothing and may be framed by nobody. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String HOSTILE_ORIGIN = "https://attacker.example";

    private BrowserProtections() {
    }

    /**
     * Sends {@code GET url} and asserts its status and every protective header.
     *
     * @param policy the exact Content-Security-Policy expected
     */
    public static void assertProtected(String url, int status, String policy) {
        assertProtected(url, Map.of(), status, policy);
    }

    /** The same, for a request that carries {@code headers} (a bearer token for a page that needs one). */
    public static void assertProtected(String url, Map<String, String> headers, int status, String policy) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        HttpResponse<String> response = send(request);
        Map<String, Optional<String>> expected = new LinkedHashMap<>();
        expected.put("X-Content-Type-Options", Optional.of("nosniff"));
        expected.put("X-Frame-Options", Optional.of("DENY"));
        expected.put("Referrer-Policy", Optional.of("no-referrer"));
        expected.put("Content-Security-Policy", Optional.of(policy));
        Map<String, Optional<String>> actual = new LinkedHashMap<>();
        expected.keySet().forEach(name -> actual.put(name, response.headers().firstValue(name)));
        if (response.statusCode() != status || !actual.equals(expected)) {
            throw new AssertionError("GET " + url + ": expected " + status + " " + expected + ", got "
                    + response.statusCode() + " " + actual);
        }
    }

    /**
     * Asserts that neither a preflight nor a simple cross-origin request from a foreign origin is
     * granted anything: no {@code Access-Control-Allow-*} header at all.
     */
    public static void assertCorsClosed(String url) {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(url))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", HOSTILE_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
        HttpResponse<String> simple = send(HttpRequest.newBuilder(URI.create(url)).GET().header("Origin", HOSTILE_ORIGIN));
        for (HttpResponse<String> response : List.of(preflight, simple)) {
            List<String> granted = response.headers().map().keySet().stream()
                    .filter(name -> name.toLowerCase().startsWith("access-control-allow-")).toList();
            if (!granted.isEmpty()) {
                throw new AssertionError(response.request().method() + " " + url + " from " + HOSTILE_ORIGIN
                        + " was granted " + granted + ": " + response.headers().map());
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

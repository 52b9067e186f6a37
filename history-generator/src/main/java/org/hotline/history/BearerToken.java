package org.hotline.history;

import java.net.http.HttpRequest;

/**
 * The token this tool sends to the services: {@code HOTLINE_TOKEN} from the environment (for
 * example {@code HOTLINE_TOKEN=$(./stack token operator)}), or the system property
 * {@code hotline.token} (system tests). Without one, requests go out bare and are refused with 401.
 */
final class BearerToken {

    private BearerToken() {
    }

    static HttpRequest.Builder added(HttpRequest.Builder request) {
        String token = System.getProperty("hotline.token", System.getenv("HOTLINE_TOKEN"));
        return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token.strip());
    }
}

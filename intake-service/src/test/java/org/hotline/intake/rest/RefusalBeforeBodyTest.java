package org.hotline.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.hotline.intake.Contacts;
import org.hotline.intake.IntakeDatabase;
import org.hotline.problem.Roles;
import org.hotline.stack.Tokens;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A refused request is cheap: the token is checked before a byte of the body is read. Each
 * request here streams a chunked body that never ends, as fast as the connection takes it, and
 * reads the answer meanwhile. Were the body read before the token, the answer would be the 413
 * of a body past the import's 16 MiB, after all of it; it is the 401 (a problem, as every
 * refusal), and the client got well under 16 MiB onto the wire before it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class RefusalBeforeBodyTest {

    private static final byte[] CHUNK = chunk(64 * 1024);

    @TestHTTPResource("/")
    URI base;

    enum Caller {
        NO_TOKEN(null),
        NOT_A_TOKEN("Bearer not-a-jwt"),
        SIGNED_BY_ANOTHER_KEY("Bearer " + Tokens.stranger().mint("operator-3", Roles.OPERATOR));

        final String authorization;

        Caller(String authorization) {
            this.authorization = authorization;
        }
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void aBulkImportWithoutAValidTokenIsRefusedBeforeItsEndlessBodyIsRead(Caller caller) throws Exception {
        long contactsBefore = IntakeDatabase.contacts();

        Answer answer = postEndlessBody("/api/v1/contacts:batch", "application/x-ndjson", caller.authorization);

        assertThat(answer.statusLine()).startsWith("HTTP/1.1 401");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.bytesSent()).isLessThan(BodyLimits.MAX_IMPORT_BYTES);
        assertThat(IntakeDatabase.contacts()).isEqualTo(contactsBefore);
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void aContactWithoutAValidTokenIsRefusedBeforeItsEndlessBodyIsRead(Caller caller) throws Exception {
        Answer answer = postEndlessBody("/api/v1/contacts", "application/json", caller.authorization);

        assertThat(answer.statusLine()).startsWith("HTTP/1.1 401");
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    /** The contrast: with a valid token the same endless body is read, up to its limit. */
    @Test
    void withAValidTokenTheEndlessBodyIsReadToItsLimit() throws Exception {
        Answer answer = postEndlessBody("/api/v1/contacts", "application/json",
                "Bearer " + Tokens.forTests().mint("operator-3", Roles.OPERATOR));

        assertThat(answer.statusLine()).startsWith("HTTP/1.1 413");
        assertThat(answer.bytesSent()).isGreaterThan(BodyLimits.MAX_CONTACT_BYTES);
    }

    /** A body announced too big is refused by its length alone: the answer comes before a byte of it is sent. */
    @ParameterizedTest
    @ValueSource(strings = {"keep-alive", "close"})
    void withAValidTokenABodyAnnouncedTooBigIsRefusedBeforeAByteOfItIsSent(String connection) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            // A deadline for a server that never answers, not a bound on how fast it refuses.
            socket.setSoTimeout(300_000);
            socket.getOutputStream().write(("POST /api/v1/contacts HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + 12 * 1024 * 1024 + "\r\n"
                    + "Connection: " + connection + "\r\n"
                    + "Authorization: Bearer " + Tokens.forTests().mint("operator-3", Roles.OPERATOR) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
        }
    }

    private record Answer(String statusLine, String contentType, long bytesSent) {
    }

    /**
     * Sends the request line and headers, then chunks for ever on another thread, counting the
     * bytes the connection took; returns the answer's status line once it comes. Closing the
     * socket stops the writer.
     */
    private Answer postEndlessBody(String path, String contentType, String authorization) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            // A deadline for a server that never answers, not a bound on how fast it refuses.
            socket.setSoTimeout(300_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Content-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(chunked((Contacts.surrenderRequest(Contacts.freshPhoneNumber()).replace("\n", " ") + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            out.flush();
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] framed = chunked(CHUNK);
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        out.write(framed);
                        sent.addAndGet(CHUNK.length);
                    }
                } catch (IOException closed) {
                    // The server closed the connection, or this test did once it had its answer.
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            long sentBeforeAnswer = sent.get();
            String answeredType = "";
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    answeredType = line.substring("content-type:".length()).strip();
                }
            }
            socket.close();
            writer.join();
            return new Answer(String.valueOf(status), answeredType, sentBeforeAnswer);
        }
    }

    private static byte[] chunked(byte[] data) {
        byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = Arrays.copyOf(size, size.length + data.length + 2);
        System.arraycopy(data, 0, framed, size.length, data.length);
        framed[framed.length - 2] = '\r';
        framed[framed.length - 1] = '\n';
        return framed;
    }

    /** Spaces after a first contact, a line that never ends: harmless, and never a valid body. */
    private static byte[] chunk(int size) {
        byte[] chunk = new byte[size];
        Arrays.fill(chunk, (byte) ' ');
        return chunk;
    }
}

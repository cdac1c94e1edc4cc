package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Not found" for requests with a body answers at once. A route that answered such a request with a 404 response
 * could send Micronaut 4.10 into an endless loop that eats the heap (micronaut-core issue 12940; seen here with
 * a chunked body whose chunks arrive apart): routes throw {@link ErrorPages.NotFound} instead.
 */
@MicronautTest(transactional = false)
class NotFoundWithBodyIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void postsToUnknownChecksAndAssessmentsAnswer404WithABodyArrivingInPieces() throws Exception {
        Http http = new Http(server, json);
        String csrf = http.csrfToken();
        String unknown = "A".repeat(43);
        List<String[]> posts = List.of(
            new String[] {"/check/" + unknown + "/step/strategy", "application/x-www-form-urlencoded",
                "_csrf=" + csrf + "&nav=next&q.strategy-roadmap-1=strategy-roadmap-1-2"},
            new String[] {"/check/" + unknown + "/profile", "application/x-www-form-urlencoded",
                "_csrf=" + csrf + "&name=X&postalCode=44135&sector=C&employees=5&companyType=TRADE"},
            new String[] {"/check/" + unknown + "/again", "application/x-www-form-urlencoded", "_csrf=" + csrf});
        for (int round = 0; round < 5; round++) {
            for (String[] post : posts) {
                String head = new String(send(post[0], post[1], "csrf=" + csrf, post[2]), StandardCharsets.ISO_8859_1);
                assertThat(head).as("POST " + post[0]).startsWith("HTTP/1.1 404");
            }
        }
    }

    /** A POST whose chunked body arrives 300 ms after its headers; returns the answer (read within 20 s). */
    private byte[] send(String path, String type, String cookie, String body) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\nCookie: " + cookie
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(300);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0 && answer.size() < 64) {
                answer.write(buffer, 0, n);
            }
            return answer.toByteArray();
        }
    }
}

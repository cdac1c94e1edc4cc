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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form whose body arrives in pieces is bound whole, its CSRF token included, wherever in the body that is.
 * (Binding the token as a second {@code @Body("_csrf")} parameter next to the form lost the fields of the first
 * pieces: see {@link Csrf.Form}.)
 */
@MicronautTest(transactional = false)
class FormBodyInPiecesIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void everyFieldOfAFormSentInPiecesIsKept() throws Exception {
        String csrf = new Http(server, json).csrfToken();
        String answer = send("/check", "csrf=" + csrf, "name=M%C3%BCller+%26+S%C3%B6hne&_csrf=" + csrf + "&postalCode=4413x",
            "&sector=C&employees=-3&companyType=TRADE");
        assertThat(answer).startsWith("HTTP/1.1 422").contains("value=\"Müller &amp; Söhne\"", "value=\"4413x\"",
            "value=\"-3\"", "Die Postleitzahl muss aus genau fünf Ziffern bestehen.");
        assertThat(answer).containsPattern("value=\"TRADE\"\\s+checked").containsPattern("value=\"C\"\\s+selected");
    }

    @Test
    void aTokenInTheLastPieceIsRead() throws Exception {
        String csrf = new Http(server, json).csrfToken();
        String answer = send("/check", "csrf=" + csrf, "name=Teile+GmbH&postalCode=44135&sector=C",
            "&employees=12&companyType=TRADE&_csrf=" + csrf);
        assertThat(answer).startsWith("HTTP/1.1 303");
    }

    /** A form post whose body comes in chunks 300 ms apart; the whole answer. */
    private String send(String path, String cookie, String... pieces) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nCookie: " + cookie + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            for (String piece : pieces) {
                out.flush();
                Thread.sleep(300);
                byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
                out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}

package de.digitalcheck.portal.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A raw HTTP client against the running test server: no redirects followed, any body sendable. */
public final class Http {

    private final CookieManager cookies;
    private final HttpClient client;
    private final EmbeddedServer server;
    private final JsonMapper json;

    public Http(EmbeddedServer server, JsonMapper json) {
        this(server, json, new CookieManager(new SharedCookieStore(), CookiePolicy.ACCEPT_ALL));
    }

    private Http(EmbeddedServer server, JsonMapper json, CookieManager cookies) {
        this.server = server;
        this.json = json;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
    }

    /** The same browser (its cookies) talking to another server, as to another replica behind one host name. */
    public Http to(EmbeddedServer other) {
        return new Http(other, json, cookies);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** A GET whose body is kept as bytes (e.g. a PDF). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any method without a body (e.g. PUT or DELETE). */
    public HttpResponse<String> send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Any method with a body and headers (e.g. a PATCH with {@code If-Match}). */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A GET to any absolute URL (e.g. the sign-in provider), with this client's cookies. */
    public HttpResponse<String> getAbsolute(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    public CookieManager cookies() {
        return cookies;
    }

    public HttpResponse<String> postJson(String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(request(path, all).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Posts a form as a browser would: with the CSRF token of this client's cookie (fetched from a page first),
     * unless the form already has a {@code _csrf} field (to test forged posts). A value that is a collection is
     * sent once per element under the same name, as a group of checked checkboxes is.
     */
    public HttpResponse<String> postForm(String path, Map<String, ?> form, String... headers) {
        Map<String, Object> withToken = new java.util.LinkedHashMap<>(form);
        if (!withToken.containsKey("_csrf")) {
            withToken.put("_csrf", csrfToken());
        }
        return postRawForm(path, withToken, headers);
    }

    /**
     * The value of the hidden input {@code name} of the page, for a form posted as the page would post it (the first
     * such input).
     *
     * @throws IllegalStateException if the page has none
     */
    public static String hidden(String html, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<input type=\"hidden\" name=\"" + java.util.regex.Pattern.quote(name)
            + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no hidden input " + name);
        }
        return m.group(1);
    }

    /** As {@link #hidden(String, String)}, in the form that posts to {@code action}. */
    public static String hidden(String html, String action, String name) {
        int form = html.indexOf("action=\"" + action + "\"");
        if (form < 0) {
            throw new IllegalStateException("no form posting to " + action);
        }
        return hidden(html.substring(form, html.indexOf("</form>", form)), name);
    }

    /** The CSRF token of this client's cookie, fetching a page first where it has none. */
    public String csrfToken() {
        return cookie("csrf").orElseGet(() -> {
            get("/");
            return cookie("csrf").orElseThrow(() -> new IllegalStateException("no csrf cookie set by /"));
        });
    }

    public java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
            .map(java.net.HttpCookie::getValue).findFirst();
    }

    public HttpResponse<String> postRawForm(String path, Map<String, ?> form, String... headers) {
        String body = form.entrySet().stream()
            .flatMap(e -> (e.getValue() instanceof java.util.Collection<?> values ? values.stream() : Stream.of(e.getValue()))
                .map(value -> enc(e.getKey()) + "=" + enc(String.valueOf(value))))
            .collect(Collectors.joining("&"));
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(request(path, all).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Map<String, Object> map(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + response.body(), e);
        }
    }

    public List<Object> list(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.listOf(Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON array: " + response.body(), e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Posts a multipart form with one file, as a browser's file upload does; {@code fields} go first (add
     * {@code _csrf} yourself: this method sends exactly what it is given).
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
                                              String contentType, byte[] content) {
        String boundary = "----digitalcheck-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, value) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
            + "\"\r\n\r\n" + value + "\r\n"));
        if (fileField != null) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            body.writeBytes(content);
            text.accept("\r\n");
        }
        text.accept("--" + boundary + "--\r\n");
        return send(request(path, "Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A GET whose body is kept as bytes (images, PDFs). */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

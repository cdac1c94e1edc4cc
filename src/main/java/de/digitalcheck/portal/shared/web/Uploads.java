package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.uri.UriMatchInfo;
import io.micronaut.http.uri.UriMatchTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** Uploaded files of multipart forms. */
public final class Uploads {

    private Uploads() {
    }

    /** The bytes of an uploaded file, empty when no file was chosen; its content is for the caller to check. */
    public static byte[] bytes(@Nullable CompletedFileUpload upload) {
        if (upload == null) {
            return new byte[0];
        }
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The path variables of a post the router matched to {@code template} (the route's whole URI template, e.g.
     * {@code /admin/agenturen/{id}/logo}, as the router recorded it); empty for any other request. For an upload's
     * error handler (its own route is then the error route), which must know the form whatever spelling of the
     * address the router took for it (a trailing slash, say).
     */
    public static Optional<Map<String, Object>> postedTo(HttpRequest<?> request, String template) {
        if (request.getMethod() != HttpMethod.POST) {
            return Optional.empty();
        }
        return BasicHttpAttributes.getUriTemplate(request).filter(template::equals)
            .flatMap(t -> UriMatchTemplate.of(t).match(request.getPath())).map(UriMatchInfo::getVariableValues);
    }
}

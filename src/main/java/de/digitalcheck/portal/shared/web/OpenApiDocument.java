package de.digitalcheck.portal.shared.web;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the OpenAPI description of the public API v1 at {@code /openapi}, for tools ({@link ApiPage} is for people). */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
class OpenApiDocument {

    /** The document's address. */
    static final String PATH = "/openapi";
    static final String RESOURCE = "classpath:openapi/digitalcheck-v1.yml";
    private final String document;
    private final java.util.List<OpenApiOperations.Operation> operations;

    OpenApiDocument(ResourceResolver resolver) {
        try (InputStream in = resolver.getResourceAsStream(RESOURCE)
            .orElseThrow(() -> new IllegalStateException(RESOURCE + " is missing"))) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            operations = OpenApiOperations.of(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's operations, read once at start (the API page lists them). */
    java.util.List<OpenApiOperations.Operation> operations() {
        return operations;
    }

    @Get(value = PATH, produces = "application/yaml")
    HttpResponse<String> openapi() {
        return HttpResponse.ok(document).contentType(new MediaType("application/yaml; charset=utf-8"));
    }
}

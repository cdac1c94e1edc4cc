package de.digitalcheck.portal.shared.web;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The operations of the OpenAPI document, in its order: what the API page lists. */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * One operation: {@code method} in capitals, its path template, {@code operationId}, the document's (English)
     * summary, and whether it needs an agency's personal access token (a non-empty {@code security}).
     */
    record Operation(String method, String path, String id, String summary, boolean token) {
    }

    private OpenApiOperations() {
    }

    /** The operations under {@code paths} of an OpenAPI 3 document in YAML (webhooks are not operations one calls). */
    static List<Operation> of(String document) {
        Map<?, ?> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(document);
        List<Operation> operations = new ArrayList<>();
        ((Map<?, ?>) root.get("paths")).forEach((path, item) -> ((Map<?, ?>) item).forEach((method, operation) -> {
            if (METHODS.contains(String.valueOf(method)) && operation instanceof Map<?, ?> o) {
                Object security = o.get("security");
                operations.add(new Operation(String.valueOf(method).toUpperCase(Locale.ROOT), String.valueOf(path),
                    String.valueOf(o.get("operationId")), String.valueOf(o.get("summary")),
                    security instanceof List<?> list && !list.isEmpty()));
            }
        }));
        return List.copyOf(operations);
    }
}

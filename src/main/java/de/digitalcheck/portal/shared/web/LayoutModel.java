package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Adds what every page needs: language, its dates ({@link Dates#in}), the switch to the other language, the network's name, the CSRF token, the
 * signed-in person's name. The person is read from the request, not from the thread's request context: a view may be
 * rendered on a thread that context did not reach (the page then showed a signed-in person as signed out).
 */
@Singleton
class LayoutModel implements ViewModelProcessor<Map<String, Object>> {

    /**
     * A model key naming the address the layout's links (the language switch) start from instead of the request's
     * path: for a page answered to a request whose path is not the caller's (Netty's stand-in for an unreadable one).
     */
    static final String PAGE_PATH = "layoutPagePath";

    private final String networkName;
    private final Csrf csrf;

    LayoutModel(PortalSettings settings, Csrf csrf) {
        this.networkName = settings.networkName();
        this.csrf = csrf;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        boolean ownPath = !model.containsKey(PAGE_PATH);
        Object path = ownPath ? request.getPath() : model.get(PAGE_PATH);
        fill(model, PortalLocaleResolver.language(request), String.valueOf(path), ownPath ? keptQuery(request) : "",
            csrf.token(request),
            request.getUserPrincipal(Authentication.class).map(a -> a.getAttributes().get("name")).orElse(null));
        modelAndView.setModel(model);
    }

    /** Puts the layout's values for a page at {@code path} (without a query) into {@code model}. */
    void fill(Map<String, Object> model, Language language, String path, String csrfToken, Object userName) {
        fill(model, language, path, "", csrfToken, userName);
    }

    /**
     * Puts the layout's values for a page at {@code path} into {@code model}; {@code query} ({@link #keptQuery}) is
     * kept in the language switch, so that a page reached with its private token or with filters stays that page.
     */
    void fill(Map<String, Object> model, Language language, String path, String query, String csrfToken,
              Object userName) {
        Language other = language == Language.DE ? Language.EN : Language.DE;
        model.put("lang", language.code());
        model.put("dates", Dates.in(language));
        model.put("otherLang", other.code());
        String local = sameOriginPath(path);
        model.put("switchUrl", local + "?" + query + PortalLocaleResolver.PARAM + "=" + other.code());
        model.put("networkName", networkName);
        model.put("currentPath", local);
        model.put("csrf", csrfToken);
        model.put("userName", userName);
    }

    /**
     * The request's query parameters but the language, encoded anew, each followed by {@code &}: empty without any.
     */
    static String keptQuery(HttpRequest<?> request) {
        StringBuilder query = new StringBuilder();
        for (String name : request.getParameters().names()) {
            if (PortalLocaleResolver.PARAM.equals(name)) {
                continue;
            }
            for (String value : request.getParameters().getAll(name)) {
                query.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
        return query.toString();
    }

    /**
     * {@code path} as a link that cannot leave the portal: one leading slash (a browser reads {@code //host} and
     * {@code /\\host} as another site, and drops tabs and line breaks before it does), every character outside the
     * URL path alphabet percent-encoded. The path is the raw request's, so a request for {@code //evil.example/x}
     * must not become a link to evil.example.
     */
    static String sameOriginPath(String path) {
        String rest = path == null ? "" : path.replaceFirst("^[/\\\\\\s\\p{Cntrl}]+", "");
        StringBuilder local = new StringBuilder(rest.length() + 1).append('/');
        for (byte b : rest.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                local.append(c);
            } else {
                local.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return local.toString();
    }

    static boolean signedIn(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).isPresent();
    }
}

package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.security.SignInProviderMetadata;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The sign-in's routes (the button's {@code /oauth/login/…}, the provider's way back {@code /oauth/callback/…}) while
 * the provider's metadata is missing (it did not answer at start, or since): answered at once — the sign-in page, which
 * says that the sign-in service did not answer — and the metadata fetched again beside the request. Micronaut
 * Security would fetch it on the request's event-loop thread, which its blocking HTTP client refuses (a {@code 500}),
 * or wait there for a fetch in progress that needs that very thread (a hang). Once the metadata is there the routes go
 * on as always.
 */
@ServerFilter({"/oauth/login/**", "/oauth/callback/**"})
@Requires(bean = SignInProviderMetadata.class)
class SignInProviderGate implements Ordered {

    /** The sign-in page's note ({@link Flash}) that the sign-in provider did not answer. */
    static final String SIGN_IN_PROVIDER_SILENT = "sign-in-provider-silent";

    private static final Logger LOG = LoggerFactory.getLogger(SignInProviderGate.class);

    private final SignInProviderMetadata metadata;
    private final Flash flash;

    SignInProviderGate(SignInProviderMetadata metadata, Flash flash) {
        this.metadata = metadata;
        this.flash = flash;
    }

    /** After the security filter: a person signed in is known. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> gate(HttpRequest<?> request,
                                           FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        if (metadata.present()) {
            return next.proceed();
        }
        metadata.missing();
        return Mono.just(didNotAnswer(request, "its metadata is missing"));
    }

    /**
     * The provider did not answer a sign-in: an outage the operator must know of (an error, without a stack: the
     * reason says what), and for the person the sign-in page, which says so (a person signed in goes on to their
     * workspace, nothing was wrong for them).
     */
    MutableHttpResponse<?> didNotAnswer(HttpRequest<?> request, String reason) {
        LOG.error("Sign-in provider did not answer on {} {} ({}): back to the sign-in page", request.getMethod(),
            LogSafe.path(request), reason);
        if (request.getUserPrincipal().isPresent()) {
            return HttpResponse.seeOther(URI.create(ErrorPages.WORKSPACE));
        }
        return flash.redirectAcrossSites(ErrorPages.SIGN_IN, SIGN_IN_PROVIDER_SILENT);
    }
}

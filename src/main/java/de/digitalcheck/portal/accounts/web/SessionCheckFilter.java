package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.accounts.Account;
import de.digitalcheck.portal.accounts.AccountStates;
import de.digitalcheck.portal.shared.security.ApiTokens;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.web.Flash;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Every request of a signed-in person sees the directory as it is now, not as the session cookie remembers it: when
 * the account is gone, disabled, or has another role or agency than the session carries, the session ends here —
 * the cookie is deleted and the person is sent to sign in again (where the directory's current role applies). So does
 * a session begun before the person last signed out (a copied or forgotten cookie). Runs
 * right after the security filter, so on every route; the directory is read through {@link AccountStates}
 * (at most every few seconds per person, never on an event-loop thread).
 */
@ServerFilter("/**")
class SessionCheckFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCheckFilter.class);

    private final BeanProvider<AccountStates> states; // made at the first signed-in request
    private final BeanProvider<Flash> flash;

    SessionCheckFilter(BeanProvider<AccountStates> states, BeanProvider<Flash> flash) {
        this.states = states;
        this.flash = flash;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> check(HttpRequest<?> request,
                                            FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return next.proceed(); // nobody signed in
        }
        Authentication session = authentication.get();
        if (session.getAttributes().containsKey(ApiTokens.TOKEN_ID)) {
            return next.proceed(); // a personal access token: its account was checked when it was accepted
        }
        return Mono.fromFuture(states.get().current(session.getName())).flatMap(current -> {
            if (current.isEmpty() || !matches(current.get().account(), session)) {
                LOG.info("Session of account {} ended: the directory changed", session.getName());
                // the sign-in page says why, once (a Flash note: "?beendet" said so on any link that carried it);
                // the request may be a link followed from a web mail, a chain of redirects begun on another site
                return Mono.just(flash.get().redirectAcrossSites(SignInPages.PATH, SignInPages.ENDED)
                    .cookie(SignOut.ended()));
            }
            if (signedOutSince(current.get().signedOutAt(), session)) {
                LOG.info("Session of account {} ended: signed out", session.getName());
                return Mono.just(HttpResponse.seeOther(URI.create("/anmelden")).cookie(SignOut.ended()));
            }
            return Mono.from(next.proceed());
        });
    }

    /** Whether the person signed out after this session began (a session from before the sign-out). */
    static boolean signedOutSince(@Nullable Instant signedOutAt, Authentication session) {
        return signedOutAt != null && SignedIn.since(session) <= signedOutAt.toEpochMilli();
    }

    static boolean matches(Account account, Authentication session) {
        SignedIn signedIn = SignedIn.of(session);
        return !account.disabled()
            && session.getRoles().size() == 1 && session.getRoles().contains(account.role().name())
            && Objects.equals(signedIn.agencyId(), account.agencyId());
    }
}

package de.digitalcheck.portal.shared.security;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadata;
import io.micronaut.security.oauth2.configuration.OpenIdClientConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sign-in provider's metadata (its discovery document), fetched again until it is there. Micronaut Security fetches
 * it once, at start; if the provider did not answer then, it tries again at the first sign-in — on the server's event
 * loop, where its blocking HTTP client refuses to run — and so nobody could sign in until the portal was restarted. This
 * fetches it on a thread that may wait: every {@code portal.oidc.metadata-retry} (30 s) and at once after a sign-in
 * found it missing, until every OpenID client has it; from then on it does nothing. No sign-in may ask Micronaut for
 * the metadata while it is missing ({@link #present()}; the web module's sign-in gate): the request's event-loop thread
 * would wait for the fetch here, and the fetch for an answer that this very thread has to read. The fetch itself, and
 * the log of an outage, is the web module's ({@code shared.web.SignInProviderDiscovery}).
 */
@Singleton
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
public class SignInProviderMetadata {

    /** Sign-ins ask for a fetch at most this often (5 s). */
    static final long AGAIN_AFTER_NANOS = 5_000_000_000L;

    private final BeanContext context;
    private final ExecutorService blocking;
    private final AtomicBoolean present = new AtomicBoolean();
    private final AtomicBoolean fetching = new AtomicBoolean();
    private final AtomicLong lastAsked = new AtomicLong(System.nanoTime() - AGAIN_AFTER_NANOS);

    SignInProviderMetadata(BeanContext context, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.context = context;
        this.blocking = blocking;
    }

    /**
     * Whether every OpenID client's metadata is there (fetched and kept by Micronaut); never fetches it, never waits.
     */
    public boolean present() {
        if (present.get()) {
            return true;
        }
        long clients = context.getBeanRegistrations(OpenIdClientConfiguration.class).size();
        boolean all = context.getActiveBeanRegistrations(DefaultOpenIdProviderMetadata.class).size() >= clients;
        if (all) {
            present.set(true);
        }
        return all;
    }

    /**
     * A sign-in found the metadata missing: fetch it now, beside the request — one fetch at a time, and at most one every
     * {@link #AGAIN_AFTER_NANOS} however many people press the button meanwhile.
     */
    public void missing() {
        long now = System.nanoTime();
        long last = lastAsked.get();
        if (now - last >= AGAIN_AFTER_NANOS && lastAsked.compareAndSet(last, now)) {
            blocking.execute(this::fetch);
        }
    }

    @Scheduled(fixedDelay = "${portal.oidc.metadata-retry:30s}", initialDelay = "${portal.oidc.metadata-retry:30s}")
    void fetch() {
        if (present.get() || !fetching.compareAndSet(false, true)) {
            return;
        }
        try {
            boolean all = true;
            for (BeanRegistration<OpenIdClientConfiguration> client : context.getBeanRegistrations(OpenIdClientConfiguration.class)) {
                String name = client.getIdentifier().getName();
                boolean fetched;
                try {
                    fetched = context.findBean(DefaultOpenIdProviderMetadata.class, Qualifiers.byName(name)).isPresent();
                } catch (RuntimeException stillDown) { // shared.web.SignInProviderDiscovery has logged the outage
                    fetched = false;
                }
                all &= fetched;
            }
            // the outage and its end are logged where the metadata is fetched (shared.web.SignInProviderDiscovery)
            present.set(all);
        } finally {
            fetching.set(false);
        }
    }
}

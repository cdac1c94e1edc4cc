package de.digitalcheck.portal.shared.web;

import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.DisabledBeanException;
import io.micronaut.core.annotation.Blocking;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadata;
import io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadataFetcher;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadataFetcher;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadataFetcherFactory;
import io.micronaut.security.oauth2.configuration.OpenIdClientConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Fetches the sign-in provider's metadata (its discovery document) as Micronaut Security's
 * {@link DefaultOpenIdProviderMetadataFetcher} does — the same address, the same HTTP client, the same
 * {@link DisabledBeanException} when the provider does not answer or answers with an error, so that the metadata stays
 * missing and is fetched again ({@code shared.security.SignInProviderMetadata}) — but logs an outage as the operator
 * needs it: one error line without a stack when it begins (the provider and why: the status it answered, or the
 * exception's type), nothing more while it lasts (each attempt at {@code DEBUG}), and one line when the metadata is
 * there again. Micronaut's fetcher, which this replaces, logged an error with the HTTP client's whole stack at every
 * attempt: three at start, then one every {@code portal.oidc.metadata-retry} (30 s), as long as the provider was down.
 * (Its logger writes nothing else but a configuration error: turning it off would have hidden that.)
 *
 * <p>One error per outage, not a warning per attempt: an outage is for the operator to act on (nobody can sign in),
 * and one error line is what an alert fires on once; a line every 30 s would fill the log with the same news. Whoever
 * presses "sign in" meanwhile is logged as well ({@link SignInProviderGate}), so the outage's effect stays visible.
 * An issuer address that makes no discovery address is a configuration error, logged as Micronaut logged it (with
 * its stack), once.
 */
@EachBean(OpenIdClientConfiguration.class)
@Replaces(value = OpenIdProviderMetadataFetcher.class, factory = OpenIdProviderMetadataFetcherFactory.class)
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
class SignInProviderDiscovery implements OpenIdProviderMetadataFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(SignInProviderDiscovery.class);
    /** {@link System#nanoTime()} when the current outage began; {@link #UP} while there is none. */
    private static final long UP = Long.MIN_VALUE;

    private final OpenIdClientConfiguration configuration;
    private final HttpClient client;
    private final AtomicLong downSince = new AtomicLong(UP);

    SignInProviderDiscovery(@Parameter OpenIdClientConfiguration configuration, @Client HttpClient client) {
        this.configuration = configuration;
        this.client = client;
    }

    @Override
    @NonNull
    public String getName() {
        return configuration.getName();
    }

    @Override
    @Blocking
    @NonNull
    public DefaultOpenIdProviderMetadata fetch() {
        // metadata the build prepared (Micronaut AOT), where there is any, as Micronaut's fetcher takes it
        return DefaultOpenIdProviderMetadataFetcher.OPTIMIZATIONS.findMetadata(getName()).map(Supplier::get)
            .orElseGet(() -> configuration.getIssuer().map(this::fetch)
                .orElse(new DefaultOpenIdProviderMetadata(getName())));
    }

    private DefaultOpenIdProviderMetadata fetch(URL issuer) {
        URL address;
        try {
            address = new URL(issuer, StringUtils.prependUri(issuer.getPath(), configuration.getConfigurationPath()));
        } catch (MalformedURLException e) {
            if (outageBegins()) {
                LOG.error("Sign-in provider {}: no discovery address from its issuer", getName(), e);
            }
            throw new DisabledBeanException("Bean of type " + DefaultOpenIdProviderMetadata.class.getName()
                + " with name qualifier " + getName() + " is disabled. Failure parsing issuer URL " + issuer);
        }
        DefaultOpenIdProviderMetadata metadata;
        try {
            metadata = client.toBlocking().retrieve(address.toString(), DefaultOpenIdProviderMetadata.class);
        } catch (HttpClientException e) {
            String reason = reason(e);
            if (outageBegins()) {
                LOG.error("Sign-in provider {} unavailable: its metadata could not be fetched ({}); nobody can sign in"
                    + " until it answers, it is asked again in the background", getName(), reason);
            } else {
                LOG.debug("Sign-in provider {} still unavailable ({})", getName(), reason);
            }
            // the message Micronaut's fetcher gives: the web module knows a sign-in refused for it by its words
            throw new DisabledBeanException("Bean of type " + DefaultOpenIdProviderMetadata.class.getName()
                + " with name qualifier " + getName() + " is disabled. Failed to retrieve OpenID configuration for "
                + getName());
        }
        long since = downSince.getAndSet(UP);
        if (since != UP) {
            LOG.info("Sign-in provider {} available again after {} s: its metadata has been fetched, signing in works"
                + " again", getName(), Duration.ofNanos(System.nanoTime() - since).toSeconds());
        }
        if (metadata != null) {
            metadata.setName(getName());
        }
        return metadata;
    }

    /** Marks the provider down; whether it was up until now (an outage begins). */
    private boolean outageBegins() {
        return downSince.compareAndSet(UP, System.nanoTime());
    }

    /**
     * Why the provider gave no metadata, without its text (an error page, a proxy's words): the status it answered, or
     * the type of the HTTP client's exception (connection refused or closed, timed out).
     */
    static String reason(HttpClientException e) {
        if (e instanceof HttpClientResponseException answered) {
            int status = answered.getStatus().getCode();
            return status < 300 ? "answer unreadable, status " + status : "answered " + status;
        }
        Throwable cause = e.getCause();
        return e.getClass().getSimpleName()
            + (cause == null || cause == e ? "" : ": " + cause.getClass().getSimpleName());
    }
}

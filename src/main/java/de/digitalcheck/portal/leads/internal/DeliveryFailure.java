package de.digitalcheck.portal.leads.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;

/**
 * Why an attempt of a webhook delivery failed, as the delivery log explains it ({@code leads.log.failure.<kind>}),
 * with the technical detail kept beside it ({@code last_error}: an exception's class and message, never the payload).
 */
public enum DeliveryFailure {
    /** The receiver answered with a status that is not 2xx (the status is {@code last_status}). */
    STATUS,
    /** The receiver answered {@code 410 Gone}: the endpoint is disabled. */
    GONE,
    TIMEOUT,
    /** Nobody took the connection (nothing listens, a firewall refused it). */
    REFUSED,
    /** The connection broke off before an answer. */
    CLOSED,
    TLS,
    UNKNOWN_HOST,
    /** The endpoint's address is not allowed (now): the detail is the refusal's message key. */
    ADDRESS,
    NO_ENDPOINT,
    /** The portal was stopping. */
    INTERRUPTED,
    OTHER;

    private static final int MAX_DETAIL = 300;

    /** The kind of an exception the JDK's HTTP client threw (its causes included: it often wraps). */
    static DeliveryFailure of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return TLS;
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return UNKNOWN_HOST;
            }
        }
        if (e instanceof ConnectException) {
            return REFUSED;
        }
        return e instanceof IOException ? CLOSED : OTHER;
    }

    /** The technical detail of an exception: its class and message, cut to what the log's column holds. */
    static String detail(Throwable e) {
        String detail = e.getClass().getSimpleName() + Optional.ofNullable(e.getMessage()).filter(m -> !m.isBlank())
            .map(m -> ": " + m.strip()).orElse("");
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 1) + "…" : detail;
    }
}

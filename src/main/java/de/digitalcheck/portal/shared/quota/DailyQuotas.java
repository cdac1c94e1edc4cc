package de.digitalcheck.portal.shared.quota;

import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Limits per calendar day (Europe/Berlin), counted in the database for all replicas: e.g. at most five mails to one
 * recipient address, or five copies of one check. The counter's key is the SHA-256 hash of the purpose and the
 * subject (a normalised address, a check's token hash), so no address is stored. Taking a count is one conditional
 * statement (or the insert that opens the day), so a parallel burst cannot exceed the limit. Unlike the rate limits'
 * sliding windows ({@code shared.web.RateLimitLedger}, one window length for all routes), a day here is a calendar
 * day, and rows of days before yesterday are deleted.
 */
@Singleton
public class DailyQuotas {

    private final DailyCountRows rows;
    private final Clock clock;
    private final ScheduledJobs jobs;

    DailyQuotas(DailyCountRows rows, Clock clock, ScheduledJobs jobs) {
        this.jobs = jobs;
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * Counts one use of {@code subject} for {@code purpose} today if fewer than {@code limit} were counted.
     *
     * @return whether it was counted (false: today's limit is reached; nothing counted)
     */
    public boolean take(String purpose, String subject, int limit) {
        return taken(purpose, subject, limit).isPresent();
    }

    /**
     * As {@link #take}, for a use that may not happen after all: the day it was counted on, to {@link #giveBack} it
     * then (also after midnight); empty when today's limit is reached (nothing counted).
     */
    public Optional<LocalDate> taken(String purpose, String subject, int limit) {
        if (limit <= 0) {
            return Optional.empty();
        }
        String key = key(purpose, subject);
        LocalDate today = PortalTime.today(clock);
        boolean counted = rows.take(key, today, limit) == 1 || rows.open(key, today) == 1
            // opened by a parallel request between the two statements: count on in it
            || rows.take(key, today, limit) == 1;
        return counted ? Optional.of(today) : Optional.empty();
    }

    /** Takes back a use counted on {@code day} ({@link #taken}) that did not happen after all (never below 0). */
    public void giveBack(String purpose, String subject, LocalDate day) {
        rows.giveBack(key(purpose, subject), day);
    }

    /** Seconds until the next day begins in Europe/Berlin, when today's limits start anew (at least 1): {@code Retry-After}. */
    public long secondsUntilNextDay() {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock.withZone(PortalTime.ZONE));
        return Math.max(1, java.time.Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(now.getZone()))
            .toSeconds());
    }

    /** How many were counted today. */
    public int used(String purpose, String subject) {
        return rows.used(key(purpose, subject), PortalTime.today(clock)).orElse(0);
    }

    static String key(String purpose, String subject) {
        return Tokens.hash(purpose + '\n' + subject);
    }

    /** {@link #forgetOld()} hourly, on one replica ({@link ScheduledJobs}). */
    @Scheduled(fixedDelay = "1h", initialDelay = "3m")
    void scheduledCleanup() {
        jobs.runOnce("daily-count-cleanup", java.time.Duration.ofHours(1), this::forgetOld);
    }

    /** Forgets the days before yesterday (idempotent). */
    void forgetOld() {
        rows.forgetBefore(PortalTime.today(clock).minusDays(1));
    }
}

package de.digitalcheck.portal.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A person in the portal's directory: invited by email, bound to a provider subject at first sign-in. */
@MappedEntity("account")
public record Account(
    @Id String id,
    String email,
    String name,
    Role role,
    @Nullable String agencyId,
    @Nullable String issuer,
    @Nullable String subject,
    Instant invitedAt,
    @Nullable Instant signedInAt,
    String expertise,
    String meetingModes) {

    public Account(String id, String email, String name, Role role, @Nullable String agencyId, @Nullable String issuer,
                   @Nullable String subject, Instant invitedAt, @Nullable Instant signedInAt) {
        this(id, email, name, role, agencyId, issuer, subject, invitedAt, signedInAt, "", "");
    }

    public boolean bound() {
        return subject != null;
    }

    public Account boundTo(String newIssuer, String newSubject, Instant now) {
        return new Account(id, email, name, role, agencyId, newIssuer, newSubject, invitedAt, now, expertise, meetingModes);
    }

    public Account signedIn(Instant now) {
        return new Account(id, email, name, role, agencyId, issuer, subject, invitedAt, now, expertise, meetingModes);
    }

    public Account withCoachProfile(String newName, String newExpertise, String newModes) {
        return new Account(id, email, newName, role, agencyId, issuer, subject, invitedAt, signedInAt, newExpertise, newModes);
    }

    public java.util.List<String> expertiseTags() {
        return split(expertise);
    }

    public java.util.List<String> modes() {
        return split(meetingModes);
    }

    private static java.util.List<String> split(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

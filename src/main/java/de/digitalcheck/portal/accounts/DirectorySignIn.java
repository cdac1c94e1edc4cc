package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a validated OpenID Connect sign-in to the portal's directory: a known (issuer, subject) signs in;
 * otherwise an invited account whose email matches the provider's verified email is bound to the subject.
 * Everybody else is refused ("not invited"); the identity of a disabled account is told that it is disabled
 * ({@link SignInRefusal}). Roles and agency come from the directory, never from the provider.
 */
@Singleton
@Named("oidc")
class DirectorySignIn implements OpenIdAuthenticationMapper {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySignIn.class);

    private final Directory directory;

    DirectorySignIn(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName,
            OpenIdTokenResponse tokenResponse, OpenIdClaims claims, @Nullable State state) {
        Object groups = directory.groupRoles.groupsClaim() == null ? null : claims.get(directory.groupRoles.groupsClaim());
        String name = claims.getName() == null ? claims.getEmail() : claims.getName();
        return Mono.fromCallable(() -> directory.signIn(claims.getIssuer(), claims.getSubject(), claims.getEmail(),
                directory.groupRoles.verified(claims.isEmailVerified()), name, groups)
            .map(DirectorySignIn::success, refusal -> {
                if (refusal == SignInRefusal.NOT_INVITED) {
                    LOG.info("Refused sign-in of a subject that is not invited (issuer {})", claims.getIssuer());
                } else {
                    LOG.info("Refused sign-in of a disabled account (issuer {})", claims.getIssuer());
                }
                return AuthenticationResponse.failure(refusal.message());
            }))
            .subscribeOn(Schedulers.boundedElastic());
    }

    private static AuthenticationResponse success(AccountRow account) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SignedIn.NAME, account.name());
        attributes.put(SignedIn.EMAIL, account.email());
        if (account.agencyId() != null) {
            attributes.put(SignedIn.AGENCY, account.agencyId());
        }
        // when this session began, to end it when the person signs out (SessionCheckFilter)
        attributes.put(SignedIn.SINCE, account.signedInAt() == null ? 0L : account.signedInAt().toEpochMilli());
        return AuthenticationResponse.success(account.id(), List.of(account.role().name()), attributes);
    }

    /** The account that signs in, or why it may not. */
    record Outcome(@Nullable AccountRow account, SignInRefusal refusal) {

        static Outcome of(AccountRow account) {
            return new Outcome(account, null);
        }

        static Outcome refused(SignInRefusal refusal) {
            return new Outcome(null, refusal);
        }

        /** The account that signs in (empty: refused). */
        Optional<AccountRow> signedIn() {
            return Optional.ofNullable(account);
        }

        <T> T map(java.util.function.Function<AccountRow, T> signedIn, java.util.function.Function<SignInRefusal, T> refused) {
            return account != null ? signedIn.apply(account) : refused.apply(refusal);
        }
    }

    /** The directory's side of a sign-in, in one transaction. */
    @Singleton
    static class Directory {

        private final AccountRows accounts;
        private final Accounts directory;
        private final GroupRoles groupRoles;
        private final Clock clock;
        private final Duration invitationsValid;

        Directory(AccountRows accounts, Accounts directory, GroupRoles groupRoles, Clock clock,
                  @Value("${portal.invitations.valid:14d}") Duration invitationsValid) {
            this.accounts = accounts;
            this.directory = directory;
            this.groupRoles = groupRoles;
            this.clock = clock;
            this.invitationsValid = invitationsValid;
        }

        @Transactional
        Outcome signIn(String issuer, String subject, @Nullable String email, boolean emailVerified,
                       @Nullable String name, @Nullable Object groups) {
            Optional<GroupRoles.Grant> grant = groupRoles.grantFor(groups);
            Optional<AccountRow> known = accounts.lockByIssuerAndSubject(issuer, subject);
            if (known.isPresent()) {
                // this very identity's account: it may learn that it is disabled and whom to ask
                return known.get().isDisabled() ? Outcome.refused(SignInRefusal.disabled(known.get()))
                    : Outcome.of(regranted(accounts.update(known.get().signedIn(clock.instant())), grant));
            }
            if (email == null || !emailVerified) {
                return Outcome.refused(SignInRefusal.NOT_INVITED);
            }
            String normalised = email.strip().toLowerCase(Locale.ROOT);
            Optional<AccountRow> invited = accounts.lockByEmail(normalised);
            if (invited.isPresent()) {
                AccountRow account = invited.get();
                if (account.bound()) {
                    // bound to another identity: nothing about that account is told to this one
                    return Outcome.refused(SignInRefusal.NOT_INVITED);
                }
                if (account.isDisabled()) {
                    // the invitation's own addressee (the provider verified the email): told it is disabled
                    return Outcome.refused(SignInRefusal.disabled(account));
                }
                Instant now = clock.instant();
                if (grant.isEmpty() && !now.isBefore(account.invitedAt().plus(invitationsValid))) {
                    return Outcome.refused(SignInRefusal.NOT_INVITED);
                }
                return Outcome.of(regranted(accounts.update(account.boundTo(issuer, subject, now)), grant));
            }
            return grant.map(g -> Outcome.of(directory.add(normalised,
                    name == null || name.isBlank() ? normalised : name.strip(), g.role(), g.agencyId(), issuer, subject,
                    Language.DE)))
                .orElseGet(() -> Outcome.refused(SignInRefusal.NOT_INVITED));
        }

        /** The role and agency of a mapped group, applied at every sign-in (the provider's groups are the truth). */
        private AccountRow regranted(AccountRow account, Optional<GroupRoles.Grant> grant) {
            if (grant.isEmpty() || (grant.get().role() == account.role()
                && java.util.Objects.equals(grant.get().agencyId(), account.agencyId()))) {
                return account;
            }
            AccountRow changed = accounts.update(account.withRole(grant.get().role(), grant.get().agencyId()));
            directory.announce(changed, false);
            return changed;
        }
    }
}

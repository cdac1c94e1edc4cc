package de.digitalcheck.portal.admin.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A person's new role and agency, as typed; the directory checks them. */
@Serdeable
record RoleForm(@Nullable String role, @Nullable String agencyId,
                @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {
}

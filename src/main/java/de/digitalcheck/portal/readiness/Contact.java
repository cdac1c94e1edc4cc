package de.digitalcheck.portal.readiness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The person a self-check names as its contact (optional): name and email together, phone optional. */
@Embeddable
public record Contact(
    @Nullable @MappedProperty("contact_name") String name,
    @Nullable @MappedProperty("contact_email") String email,
    @Nullable @MappedProperty("contact_phone") String phone) {

    /** No contact. */
    public static final Contact NONE = new Contact(null, null, null);

    public boolean isEmpty() {
        return name == null && email == null && phone == null;
    }
}

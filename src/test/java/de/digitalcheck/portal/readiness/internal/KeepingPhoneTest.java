package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.Contact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a page's contact (which has no phone field) does to the phone number the API stored with a check. */
class KeepingPhoneTest {

    private static final Contact STORED = new Contact("Anna", "anna@example.org", "+49 231 1234567");

    @Test
    void aContactWithoutANumberKeepsTheStoredOne() {
        assertThat(SelfCheck.keepingPhone(new Contact("Anna Test", "anna2@example.org", null), STORED))
            .isEqualTo(new Contact("Anna Test", "anna2@example.org", "+49 231 1234567"));
    }

    @Test
    void aGivenNumberReplacesIt() {
        assertThat(SelfCheck.keepingPhone(new Contact("Anna", "anna@example.org", "0231 99"), STORED).phone())
            .isEqualTo("0231 99");
    }

    @Test
    void aContactRemovedTakesItsNumberWithIt() {
        assertThat(SelfCheck.keepingPhone(Contact.NONE, STORED)).isEqualTo(Contact.NONE);
    }

    @Test
    void withoutAStoredNumberNothingIsAdded() {
        Contact given = new Contact("Anna", "anna@example.org", null);
        assertThat(SelfCheck.keepingPhone(given, new Contact("Anna", "anna@example.org", null))).isEqualTo(given);
    }
}

package de.digitalcheck.portal.leads;

/** {@link RejectedLeadFirstContactMigrationContract} on H2 (MySQL mode, as the tests' database). */
class RejectedLeadFirstContactMigrationIntegrationTest extends RejectedLeadFirstContactMigrationContract {

    private final String url = "jdbc:h2:mem:rejected-lead-first-contact-" + java.util.UUID.randomUUID()
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }
}

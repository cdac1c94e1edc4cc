package de.digitalcheck.portal.shared.web;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    @Test
    void tokensInAPathAreMasked() {
        String token = "Ab3_-xYz".repeat(5) + "Q9k";
        assertThat(LogSafe.maskTokens("/check/" + token + "/result")).isEqualTo("/check/…/result");
        assertThat(LogSafe.maskTokens("/check/" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ")).isEqualTo("/check/…");
        assertThat(LogSafe.maskTokens("/mein-unternehmen/link/" + token)).isEqualTo("/mein-unternehmen/link/…");
        assertThat(LogSafe.maskTokens("/admin/agenturen/en-agentur")).isEqualTo("/admin/agenturen/en-agentur");
    }

    @Test
    void aDatabaseErrorIsLoggedWithoutTheValuesItQuotes() {
        Exception e = new IllegalStateException("Error executing PERSIST: Duplicate entry 'someone@example.org'",
            new SQLIntegrityConstraintViolationException("Duplicate entry 'someone@example.org' for key 'uq_email'", "23000", 1062));
        StringWriter log = new StringWriter();
        LogSafe.withoutValues(e).printStackTrace(new PrintWriter(log));
        assertThat(log.toString()).doesNotContain("someone@example.org")
            .contains("java.lang.IllegalStateException", "SQLIntegrityConstraintViolationException: SQLState 23000, error 1062",
                "at de.digitalcheck.portal.shared.web.LogSafeTest");
        Exception other = new IllegalStateException("no database involved");
        assertThat(LogSafe.withoutValues(other)).isSameAs(other);
    }
}

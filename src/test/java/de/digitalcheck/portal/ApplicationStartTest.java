package de.digitalcheck.portal;

import de.digitalcheck.portal.shared.config.StartupProblem;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A configuration the portal refuses is told in one line, found however deep the start wrapped it. */
class ApplicationStartTest {

    @Test
    void aStartupProblemIsOneLine() {
        Exception wrapped = new RuntimeException("Error starting", new BeanInstantiationException("bean failed",
            new StartupProblem("RATE_LIMIT_TRUST_FORWARDED=true needs the header your proxy sets")));
        assertThat(Application.problem(wrapped)).contains("RATE_LIMIT_TRUST_FORWARDED=true needs the header your proxy sets");
        assertThat(Application.problem(new IllegalStateException("something else"))).isEmpty();
    }
}

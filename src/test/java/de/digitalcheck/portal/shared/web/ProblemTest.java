package de.digitalcheck.portal.shared.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem lists at most {@link Problem#MAX_ERRORS} entries and counts those left off. */
class ProblemTest {

    private static List<Problem.FieldMessage> entries(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Problem.FieldMessage("f" + i, "m" + i)).toList();
    }

    @Test
    void upToTheLimitEveryEntryIsListedAndNoneIsSaidToBeLeftOff() {
        Problem full = new Problem("about:blank", "t", 422, "d", entries(Problem.MAX_ERRORS));
        assertThat(full.errors()).isEqualTo(entries(Problem.MAX_ERRORS));
        assertThat(full.errorsOmitted()).isNull();
        assertThat(new Problem("about:blank", "t", 404, "d", null).errors()).isNull();
    }

    @Test
    void beyondTheLimitTheFirstEntriesAreListedAndTheRestCounted() {
        Problem one = new Problem("about:blank", "t", 422, "d", entries(Problem.MAX_ERRORS + 1));
        assertThat(one.errors()).isEqualTo(entries(Problem.MAX_ERRORS));
        assertThat(one.errorsOmitted()).isEqualTo(1);
        // entries left off before (not worded) and some more given: all counted
        Problem more = new Problem("about:blank", "t", 400, "d", entries(Problem.MAX_ERRORS + 5), 20);
        assertThat(more.errors()).hasSize(Problem.MAX_ERRORS);
        assertThat(more.errorsOmitted()).isEqualTo(25);
    }
}

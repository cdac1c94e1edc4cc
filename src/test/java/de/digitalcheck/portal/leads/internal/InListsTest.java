package de.digitalcheck.portal.leads.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** IN lists padded to a few lengths: the same values, at most eight statement variants for 1 to 100 values. */
class InListsTest {

    @Test
    void paddedToThePowerOfTwoAboveByRepeatingTheLastValue() {
        assertThat(InLists.padded(List.of())).isEmpty();
        assertThat(InLists.padded(List.of("a"))).containsExactly("a");
        assertThat(InLists.padded(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(InLists.padded(List.of("a", "b", "c"))).containsExactly("a", "b", "c", "c");
        assertThat(InLists.padded(List.of("a", "b", "c", "d", "e"))).hasSize(8).containsOnly("a", "b", "c", "d", "e")
            .startsWith("a", "b", "c", "d", "e");
    }

    @Test
    void oneToAHundredValuesMakeEightLengths() {
        assertThat(IntStream.rangeClosed(1, 100).map(n -> InLists.padded(IntStream.range(0, n).boxed().toList()).size())
            .distinct().boxed().toList()).containsExactly(1, 2, 4, 8, 16, 32, 64, 128);
    }
}

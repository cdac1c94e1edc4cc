package de.digitalcheck.portal.support;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link BookableAgency#onToday}: a check runs again on the new day only when midnight passed, and must then hold. */
class OnTodayTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void aCheckThatFailsOnTheSameDayFails() {
        List<LocalDate> checked = new ArrayList<>();
        assertThatThrownBy(() -> BookableAgency.onToday(days(MONDAY, MONDAY), day -> {
            checked.add(day);
            assertThat(day).isEqualTo(MONDAY.plusDays(1));
        })).isInstanceOf(AssertionError.class);
        assertThat(checked).containsExactly(MONDAY);
    }

    @Test
    void aCheckThatFailsAcrossMidnightRunsAgainOnTheNewDay() {
        List<LocalDate> checked = new ArrayList<>();
        BookableAgency.onToday(days(MONDAY, MONDAY.plusDays(1)), day -> {
            checked.add(day);
            assertThat(day).isEqualTo(MONDAY.plusDays(1)); // what the server, past midnight, computed
        });
        assertThat(checked).containsExactly(MONDAY, MONDAY.plusDays(1));
    }

    @Test
    void onTheNewDayTheCheckMustHoldInFull() {
        assertThatThrownBy(() -> BookableAgency.onToday(days(MONDAY, MONDAY.plusDays(1)), day -> {
            throw new AssertionError("fails on " + day);
        })).hasMessage("fails on " + MONDAY.plusDays(1));
    }

    @Test
    void aCheckThatHoldsRunsOnce() {
        List<LocalDate> checked = new ArrayList<>();
        BookableAgency.onToday(days(MONDAY, MONDAY.plusDays(1)), checked::add);
        assertThat(checked).containsExactly(MONDAY);
    }

    /** A clock that says each of {@code days} in turn. */
    static java.util.function.Supplier<LocalDate> days(LocalDate... days) {
        Iterator<LocalDate> each = List.of(days).iterator();
        return each::next;
    }
}

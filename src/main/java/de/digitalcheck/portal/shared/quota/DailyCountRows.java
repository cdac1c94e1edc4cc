package de.digitalcheck.portal.shared.quota;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.Optional;

/** The daily counters. Each statement is atomic on its own, so taking a count needs no lock across statements. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface DailyCountRows extends GenericRepository<DailyCountRow, String> {

    /** Counts one more while fewer than {@code max} were counted: 1 when counted, 0 when full or missing. */
    @Query("UPDATE daily_count SET used = used + 1 WHERE counter_key = :key AND count_day = :day AND used < :max")
    int take(String key, LocalDate day, int max);

    /** Opens the day's counter with one counted; 0 when it exists already. */
    @Query("INSERT IGNORE INTO daily_count (counter_key, count_day, used) VALUES (:key, :day, 1)")
    int open(String key, LocalDate day);

    /** Takes one count back (never below 0): 1 when taken back, 0 when there was none. */
    @Query("UPDATE daily_count SET used = used - 1 WHERE counter_key = :key AND count_day = :day AND used > 0")
    int giveBack(String key, LocalDate day);

    @Query("SELECT used FROM daily_count WHERE counter_key = :key AND count_day = :day")
    Optional<Integer> used(String key, LocalDate day);

    @Query("DELETE FROM daily_count WHERE count_day < :day")
    int forgetBefore(LocalDate day);
}

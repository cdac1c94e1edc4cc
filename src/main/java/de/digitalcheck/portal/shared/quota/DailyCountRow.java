package de.digitalcheck.portal.shared.quota;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** How often something (by the hash of its key) was counted on one day (see {@link DailyQuotas}). */
@MappedEntity("daily_count")
record DailyCountRow(@Id String counterKey, LocalDate countDay, int used) {
}

package de.digitalcheck.portal.booking;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A row of {@code coach}: what booking keeps about a coach (an account with the coach role), one row per coach so
 * that a booking can lock it without contending with sign-in, which updates the account.
 *
 * @param expertise    focus topics, comma-separated
 * @param meetingModes the {@link MeetingMode}s offered, comma-separated
 */
@MappedEntity("coach")
record CoachRow(@Id String accountId, String agencyId, String expertise, String meetingModes, Instant updatedAt) {

    CoachRow withProfile(List<String> tags, Set<MeetingMode> modes, Instant now) {
        return new CoachRow(accountId, agencyId, String.join(", ", tags),
            String.join(",", modes.stream().map(Enum::name).toList()), now);
    }

    CoachRow movedTo(String newAgencyId, Instant now) {
        return new CoachRow(accountId, newAgencyId, expertise, meetingModes, now);
    }

    CoachProfile profile() {
        List<String> tags = split(expertise);
        Set<MeetingMode> modes = EnumSet.noneOf(MeetingMode.class);
        split(meetingModes).forEach(m -> MeetingMode.parse(m).ifPresent(modes::add));
        return new CoachProfile(accountId, agencyId, tags, Set.copyOf(modes));
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

package de.digitalcheck.portal.booking;

import java.util.List;

/**
 * The time asked for is no longer free (another booking, its buffers or the coach's daily limit); answered with 409
 * and {@code freeSlots}, the free times of the same kind around it as they are now. Nothing was stored.
 */
public class SlotTaken extends RuntimeException {

    private final transient List<FreeSlot> freeSlots;

    public SlotTaken(List<FreeSlot> freeSlots) {
        super("slot taken", null, false, false);
        this.freeSlots = List.copyOf(freeSlots);
    }

    public List<FreeSlot> freeSlots() {
        return freeSlots;
    }
}

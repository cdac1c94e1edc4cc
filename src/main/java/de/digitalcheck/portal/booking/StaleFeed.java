package de.digitalcheck.portal.booking;

/**
 * A coach's new feed address asked, or the address revoked, from a page read before the address was renewed (the
 * button pressed twice, the page that showed the new address reloaded, another tab): nothing changed, the address made
 * since stays valid.
 */
public class StaleFeed extends RuntimeException {

    StaleFeed() {
        super(null, null, false, false);
    }
}

package de.digitalcheck.portal.support;

import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;

/**
 * A cookie store that several threads of one test "browser" may use at once. The JDK's in-memory store hands out a
 * live view of its cookies from {@link CookieStore#getCookies()}: reading it while another request stores a cookie
 * throws {@link java.util.ConcurrentModificationException}. Here every call holds one lock and reads return copies.
 */
final class SharedCookieStore implements CookieStore {

    private final CookieStore store = new CookieManager().getCookieStore();

    @Override
    public synchronized void add(URI uri, HttpCookie cookie) {
        store.add(uri, cookie);
    }

    @Override
    public synchronized List<HttpCookie> get(URI uri) {
        return List.copyOf(store.get(uri));
    }

    @Override
    public synchronized List<HttpCookie> getCookies() {
        return List.copyOf(store.getCookies());
    }

    @Override
    public synchronized List<URI> getURIs() {
        return List.copyOf(store.getURIs());
    }

    @Override
    public synchronized boolean remove(URI uri, HttpCookie cookie) {
        return store.remove(uri, cookie);
    }

    @Override
    public synchronized boolean removeAll() {
        return store.removeAll();
    }
}

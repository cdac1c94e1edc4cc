package de.digitalcheck.portal.routing;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * German postal codes to municipalities, from the OpenStreetMap-derived table in {@code plz/}
 * (© OpenStreetMap contributors, ODbL 1.0). A postal code may span several municipalities.
 */
@Singleton
public class PostalCodeDirectory {

    static final String RESOURCE = "/plz/zuordnung_plz_ort.csv";
    private static final String HEADER = "osm_id,ags,ort,plz,landkreis,bundesland";
    private static final int POSTAL_CODES = 100_000;

    /** The municipalities of each postal code, indexed by the code's number; null for an unknown code. */
    private final List<Municipality>[] byPostalCode;
    private final Map<String, Municipality> byAgs;
    /** Every state, district and municipality by name, made on the first search (staff pages only). */
    private volatile List<Searchable> places;

    public PostalCodeDirectory() {
        TableReader table = new TableReader(readTable());
        table.read();
        this.byPostalCode = table.byPostalCode();
        this.byAgs = Collections.unmodifiableMap(table.municipalities);
    }

    /** Most places a search returns. */
    public static final int MAX_RESULTS = 25;

    private record Searchable(Place place, String key) {
    }

    /**
     * States, districts and municipalities whose name contains the query, ignoring case, accents and umlaut dots
     * ("dusseldorf" finds Düsseldorf): the name itself first, then names with it as a word ("Kreis Unna"), names
     * starting with it, then the rest; larger areas before smaller ones; at most {@link #MAX_RESULTS}. A query of fewer than two letters finds nothing.
     */
    public List<Place> search(String query) {
        String wanted = query == null ? "" : searchKey(query.strip());
        if (wanted.length() < 2) {
            return List.of();
        }
        return places().stream()
            .filter(p -> p.key().contains(wanted))
            .sorted(java.util.Comparator.<Searchable>comparingInt(p -> rank(p.key(), wanted))
                .thenComparing(p -> p.place().kind())
                .thenComparing(p -> p.key())
                .thenComparing(p -> p.place().prefix()))
            .limit(MAX_RESULTS)
            .map(Searchable::place)
            .toList();
    }

    /** 0 the name, 1 a word of it ("unna": "Kreis Unna"), 2 its start, 3 a word's start, 4 anywhere in it. */
    private static int rank(String key, String wanted) {
        if (key.equals(wanted)) {
            return 0;
        }
        if (java.util.Arrays.asList(key.split("[ -]+")).contains(wanted)) {
            return 1;
        }
        if (key.startsWith(wanted)) {
            return 2;
        }
        return key.contains(" " + wanted) || key.contains("-" + wanted) ? 3 : 4;
    }

    /** The state, district or municipality a territory prefix of 2, 5 or 8 digits names, if any. */
    public Optional<Place> place(String prefix) {
        if (prefix == null) {
            return Optional.empty();
        }
        return places().stream().map(Searchable::place).filter(p -> p.prefix().equals(prefix)).findFirst();
    }

    /** A territory prefix with the name of its place where there is one ("05954 Ennepe-Ruhr-Kreis"), else the prefix. */
    public String describe(String prefix) {
        return place(prefix).map(p -> prefix + " " + p.name()).orElse(prefix);
    }

    private List<Searchable> places() {
        List<Searchable> known = places;
        if (known == null) {
            Map<String, Place> byPrefix = new java.util.TreeMap<>();
            for (Municipality m : byAgs.values()) {
                String district = m.district() == null || m.district().isBlank() ? null : m.district();
                byPrefix.put(m.ags(), new Place(m.ags(), m.name(), district == null ? m.state() : district,
                    Place.Kind.MUNICIPALITY));
                if (district != null) {
                    byPrefix.putIfAbsent(m.ags().substring(0, 5), new Place(m.ags().substring(0, 5), district, m.state(),
                        Place.Kind.DISTRICT));
                }
                byPrefix.putIfAbsent(m.ags().substring(0, 2), new Place(m.ags().substring(0, 2), m.state(), null,
                    Place.Kind.STATE));
            }
            known = byPrefix.values().stream().map(p -> new Searchable(p, searchKey(p.name()))).toList();
            places = known;
        }
        return known;
    }

    /** A name as searched: lower case, without accents and umlaut dots, ß as ss. */
    static String searchKey(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT).replace("ß", "ss");
        return java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static byte[] readTable() {
        try (InputStream in = PostalCodeDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("postal code table " + RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the table in one pass over its bytes: a row is cut at its commas (ASCII, so never inside a UTF-8
     * sequence) and only the fields kept are decoded. Municipalities are shared by AGS, so a postal code's list
     * is checked for a repeated row by identity; postal codes index an array. A row is read by a method of its
     * own, which the JIT compiles after a few hundred rows (one long loop would run interpreted).
     */
    private static final class TableReader {

        private final byte[] bytes;
        private final ArrayList<Municipality>[] codes;
        private final Map<String, Municipality> municipalities = new HashMap<>(16_384);
        private final int[] commas = new int[5];

        @SuppressWarnings("unchecked")
        TableReader(byte[] bytes) {
            this.bytes = bytes;
            this.codes = new ArrayList[POSTAL_CODES];
        }

        void read() {
            int headerEnd = lineEnd(0);
            String header = bytes.length == 0 ? null : text(0, trimCarriageReturn(0, headerEnd));
            if (!HEADER.equals(header)) {
                throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
            }
            int number = 1;
            for (int start = headerEnd + 1; start < bytes.length; ) {
                start = row(start, ++number);
            }
        }

        /** Reads the row (osm_id,ags,ort,plz,landkreis,bundesland) at {@code start}; the start of the next line. */
        private int row(int start, int number) {
            int count = 0;
            int newline = start;
            for (; newline < bytes.length && bytes[newline] != '\n'; newline++) {
                if (bytes[newline] == ',') {
                    if (count < commas.length) {
                        commas[count] = newline;
                    }
                    count++;
                }
            }
            int end = trimCarriageReturn(start, newline);
            int code = count == commas.length ? postalCode(commas[2] + 1, commas[3]) : -1;
            String ags = code < 0 ? null : text(commas[0] + 1, commas[1]);
            if (ags == null || ags.length() != 8) {
                throw new IllegalStateException(RESOURCE + " line " + number + " is malformed: " + text(start, end));
            }
            Municipality m = municipalities.get(ags);
            if (m == null) {
                m = new Municipality(ags, text(commas[1] + 1, commas[2]), text(commas[3] + 1, commas[4]),
                    text(commas[4] + 1, end));
                municipalities.put(ags, m);
            }
            ArrayList<Municipality> list = codes[code];
            if (list == null) {
                list = new ArrayList<>(1);
                codes[code] = list;
            }
            if (!containsSame(list, m)) {
                list.add(m);
            }
            return newline + 1;
        }

        @SuppressWarnings("unchecked")
        List<Municipality>[] byPostalCode() {
            List<Municipality>[] lists = new List[POSTAL_CODES];
            for (int code = 0; code < POSTAL_CODES; code++) {
                if (codes[code] != null) {
                    lists[code] = List.copyOf(codes[code]);
                }
            }
            return lists;
        }

        /** The index of the line feed ending the line at {@code start}, or the end of the table. */
        private int lineEnd(int start) {
            int i = start;
            while (i < bytes.length && bytes[i] != '\n') {
                i++;
            }
            return i;
        }

        private int trimCarriageReturn(int start, int end) {
            return end > start && bytes[end - 1] == '\r' ? end - 1 : end;
        }

        private String text(int from, int to) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }

        /** The number of a postal code of five ASCII digits in {@code bytes[from, to)}, else -1. */
        private int postalCode(int from, int to) {
            if (to - from != 5) {
                return -1;
            }
            int code = 0;
            for (int i = from; i < to; i++) {
                byte c = bytes[i];
                if (c < '0' || c > '9') {
                    return -1;
                }
                code = code * 10 + (c - '0');
            }
            return code;
        }
    }

    /** Municipalities are shared by AGS, so the same municipality is the same instance. */
    private static boolean containsSame(List<Municipality> list, Municipality m) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == m) {
                return true;
            }
        }
        return false;
    }

    /** The number of a postal code of five ASCII digits, else -1. */
    private static int postalCode(String text) {
        if (text.length() != 5) {
            return -1;
        }
        int code = 0;
        for (int i = 0; i < 5; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }

    /**
     * A postal code as a person types it into a form, without the spaces put in or around it: "44 135" and " 44135 "
     * are 44135, and so is one with no-break or other Unicode spaces (copied from a letterhead or a web page). Nothing
     * else is taken out, so "44a35" stays malformed. The forms' value before its shape is checked; the JSON API keeps
     * its documented five digits and uses no such leniency. Never null.
     */
    public static String typed(String postalCode) {
        if (postalCode == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(postalCode.length());
        postalCode.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
            .forEach(digits::appendCodePoint);
        return digits.toString();
    }

    public static boolean isWellFormed(String postalCode) {
        return postalCode != null && postalCode(postalCode) >= 0;
    }

    /** The municipalities of a postal code; empty for an unknown code. */
    public List<Municipality> municipalities(String postalCode) {
        int code = postalCode == null ? -1 : postalCode(postalCode);
        List<Municipality> municipalities = code < 0 ? null : byPostalCode[code];
        return municipalities == null ? List.of() : municipalities;
    }

    public Optional<Municipality> municipality(String ags) {
        return Optional.ofNullable(ags == null ? null : byAgs.get(ags));
    }

    /** Whether any municipality's key starts with this prefix (a valid territory). */
    public boolean coversPrefix(String agsPrefix) {
        return byAgs.keySet().stream().anyMatch(ags -> ags.startsWith(agsPrefix));
    }

    /**
     * A readable name for an AGS prefix: the municipality where only one starts with it, the state for a two-digit
     * prefix, the district (e.g. "Kreis Mettmann") where all its municipalities lie in one; empty otherwise (e.g. a
     * government region) or where no municipality starts with it.
     */
    public Optional<String> regionName(String agsPrefix) {
        if (agsPrefix == null || agsPrefix.isEmpty()) {
            return Optional.empty();
        }
        List<Municipality> within = byAgs.values().stream().filter(m -> m.ags().startsWith(agsPrefix)).toList();
        if (within.isEmpty()) {
            return Optional.empty();
        }
        Municipality first = within.get(0);
        if (within.size() == 1) {
            return Optional.of(first.name());
        }
        if (agsPrefix.length() == 2) {
            return Optional.of(first.state());
        }
        boolean oneDistrict = first.district() != null && !first.district().isBlank()
            && within.stream().allMatch(m -> first.district().equals(m.district()));
        return oneDistrict ? Optional.of(first.district()) : Optional.empty();
    }
}

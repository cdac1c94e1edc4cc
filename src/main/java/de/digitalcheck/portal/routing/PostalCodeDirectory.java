package de.digitalcheck.portal.routing;

import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * German postal codes to municipalities, from the OpenStreetMap-derived table in {@code plz/}
 * (© OpenStreetMap contributors, ODbL 1.0). A postal code may span several municipalities.
 */
@Singleton
public class PostalCodeDirectory {

    static final String RESOURCE = "/plz/zuordnung_plz_ort.csv";
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");

    private final Map<String, List<Municipality>> byPostalCode;
    private final Map<String, Municipality> byAgs;

    public PostalCodeDirectory() {
        Map<String, List<Municipality>> codes = new HashMap<>(16_384);
        Map<String, Municipality> municipalities = new HashMap<>(16_384);
        try (InputStream in = PostalCodeDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("postal code table " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!"osm_id,ags,ort,plz,landkreis,bundesland".equals(header)) {
                throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                String[] cols = line.split(",", -1);
                if (cols.length != 6 || !POSTAL_CODE.matcher(cols[3]).matches() || cols[1].length() != 8) {
                    throw new IllegalStateException(RESOURCE + " line " + number + " is malformed: " + line);
                }
                Municipality m = municipalities.computeIfAbsent(cols[1],
                    ags -> new Municipality(ags, cols[2], cols[4], cols[5]));
                List<Municipality> list = codes.computeIfAbsent(cols[3], k -> new ArrayList<>(1));
                if (!list.contains(m)) {
                    list.add(m);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        codes.replaceAll((k, v) -> List.copyOf(v));
        this.byPostalCode = Map.copyOf(codes);
        this.byAgs = Map.copyOf(municipalities);
    }

    public static boolean isWellFormed(String postalCode) {
        return postalCode != null && POSTAL_CODE.matcher(postalCode).matches();
    }

    /** The municipalities of a postal code; empty for an unknown code. */
    public List<Municipality> municipalities(String postalCode) {
        return postalCode == null ? List.of() : byPostalCode.getOrDefault(postalCode, List.of());
    }

    public Optional<Municipality> municipality(String ags) {
        return Optional.ofNullable(ags == null ? null : byAgs.get(ags));
    }

    /** Whether any municipality's key starts with this prefix (a valid territory). */
    public boolean coversPrefix(String agsPrefix) {
        return byAgs.keySet().stream().anyMatch(ags -> ags.startsWith(agsPrefix));
    }
}

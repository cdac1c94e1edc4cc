package de.digitalcheck.portal.bench;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Valid, complete {@code POST /api/v1/assessments} bodies built from the questionnaire the API publishes: for
 * every question that applies to the company type a random option with a level; company types, postal codes
 * (including one that needs an AGS), sectors, sizes and the optional contact vary.
 */
final class AssessmentBodies {

    /** A location of the benchmark mix and the agency the demo data routes it to. */
    record Location(String postalCode, String ags, String agencyId) {
    }

    static final List<Location> LOCATIONS = List.of(
        new Location("44135", null, "wf-dortmund"),
        new Location("58452", null, "en-agentur"),
        new Location("45525", null, "en-agentur"),
        new Location("59425", null, "wfg-kreis-unna"),
        new Location("40472", "05111000", "nrw-invest"));

    static final List<String> COMPANY_TYPES = List.of("OWN_PRODUCTS", "CONTRACT_MANUFACTURING", "SERVICES", "TRADE");
    private static final String SECTORS = "ABCDEFGHIJKLMNOPQRSTU";

    private record Question(String id, List<String> appliesTo, List<String> levelOptions) {
    }

    private final List<Question> questions = new ArrayList<>();
    private final ObjectMapper mapper;

    AssessmentBodies(String questionnaireJson) throws IOException {
        this.mapper = ObjectMapper.getDefault();
        JsonNode root = mapper.readValue(questionnaireJson, JsonNode.class);
        for (JsonNode q : root.get("questions").values()) {
            List<String> applies = new ArrayList<>();
            JsonNode a = q.get("appliesTo");
            if (a != null) {
                a.values().forEach(v -> applies.add(v.getStringValue()));
            }
            List<String> options = new ArrayList<>();
            for (JsonNode o : q.get("options").values()) {
                JsonNode level = o.get("level");
                if (level != null && !level.isNull()) {
                    options.add(o.get("id").getStringValue());
                }
            }
            questions.add(new Question(q.get("id").getStringValue(), applies, options));
        }
        if (questions.isEmpty()) {
            throw new IllegalStateException("the questionnaire has no questions");
        }
    }

    int questionCount() {
        return questions.size();
    }

    /** {@code count} distinct bodies (deterministic for a seed). */
    List<byte[]> bodies(int count, long seed) throws IOException {
        return bodies(count, seed, false);
    }

    /**
     * As {@link #bodies(int, long)}; with {@code consent} every body has a contact and
     * {@code consent.shareWithAgency: true} (the leads scenario).
     */
    /** In the address of a body with consent: ten digits that {@code LeadsBench} replaces per request. */
    static final String EMAIL_SLOT = ".0000000000";

    List<byte[]> bodies(int count, long seed, boolean consent) throws IOException {
        Random random = new Random(seed);
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String type = COMPANY_TYPES.get(i % COMPANY_TYPES.size());
            Location location = LOCATIONS.get((i / COMPANY_TYPES.size()) % LOCATIONS.size());
            Map<String, Object> company = new LinkedHashMap<>();
            company.put("name", "Benchmark GmbH " + i);
            company.put("postalCode", location.postalCode());
            if (location.ags() != null) {
                company.put("ags", location.ags());
            }
            company.put("sector", String.valueOf(SECTORS.charAt(random.nextInt(SECTORS.length()))));
            company.put("employees", 1 + random.nextInt(i % 3 == 0 ? 20 : 600));
            company.put("companyType", type);
            Map<String, String> answers = new LinkedHashMap<>();
            for (Question q : questions) {
                if (q.appliesTo().isEmpty() || q.appliesTo().contains(type)) {
                    answers.put(q.id(), q.levelOptions().get(random.nextInt(q.levelOptions().size())));
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("language", i % 5 == 4 ? "en" : "de");
            body.put("company", company);
            if (consent) {
                body.put("consent", Map.of("shareWithAgency", true));
            }
            if (consent || i % 2 == 0) {
                // with consent, the address has a slot of ten digits that the leads scenario fills per request
                // (LeadsBench.unique): each submission is then a new company's, as most are
                body.put("contact", Map.of("name", "Erika Mustermann", "email",
                    "bench" + i + (consent ? EMAIL_SLOT : "") + "@example.org",
                    "phone", "+49 231 1234" + (i % 100)));
            }
            body.put("answers", answers);
            bodies.add(mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }
}

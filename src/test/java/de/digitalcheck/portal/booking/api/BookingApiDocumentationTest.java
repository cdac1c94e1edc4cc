package de.digitalcheck.portal.booking.api;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documents show what the server really answers: the times of docs/api.md's slot and booking examples are
 * written as the server writes them ({@link BookingApi#iso}, with seconds: {@code 2026-12-07T09:00:00+01:00}; they
 * showed {@code 2026-12-07T09:00+01:00}), and the OpenAPI document's {@code Problem.errors} does not say it comes
 * with a {@code 422} only, as {@code 400}s carry it too.
 */
class BookingApiDocumentationTest {

    static final Pattern TIME = Pattern.compile("\"(start|end)\": \"(\\d{4}-[^\"]*)\"");

    @Test
    void theExamplesTimesAreWrittenAsTheServerWritesThem() throws IOException {
        String docs = Files.readString(Path.of("docs/api.md"));
        Matcher m = TIME.matcher(docs);
        List<String> times = new ArrayList<>();
        while (m.find()) {
            times.add(m.group(2));
        }
        assertThat(times).as("the examples' times").hasSizeGreaterThanOrEqualTo(7);
        for (String time : times) {
            assertThat(BookingApi.iso(OffsetDateTime.parse(time).toInstant())).as(time).isEqualTo(time);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProblemsErrorsAreDescribedFor400sToo() throws IOException {
        Map<String, Object> document;
        try (InputStream in = getClass().getResourceAsStream("/openapi/digitalcheck-v1.yml")) {
            document = new Yaml().load(in);
        }
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
            .get("schemas");
        Map<String, Object> errors = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
            schemas.get("Problem")).get("properties")).get("errors");
        String description = (String) errors.get("description");
        assertThat(description).contains("`422`", "`400`").doesNotContainIgnoringCase("only with");
    }

    /**
     * The language of a {@code 422} for {@code lang} follows the one order of "Language of messages" (its rule 2: the
     * first {@code lang} counts): the section said such a message follows {@code Accept-Language}, else German, while
     * the portal answered {@code ?lang=en&lang=fr} in English, as its first {@code lang} asks
     * ({@code OpenApiConformanceIntegrationTest.everyOperationRefusesALanguageItDoesNotSpeak}). The documents say so now.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDocumentsNameOneOrderForTheLanguageOfARefusedLang() throws IOException {
        String docs = Files.readString(Path.of("docs/api.md")).replaceAll("\\s+", " ");
        assertThat(docs).doesNotContain("whose message follows the `Accept-Language` header, else German")
            .contains("the first `lang` where that one is `de` or `en` (`?lang=en&lang=fr` is English");
        Map<String, Object> document;
        try (InputStream in = getClass().getResourceAsStream("/openapi/digitalcheck-v1.yml")) {
            document = new Yaml().load(in);
        }
        Map<String, Object> lang = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
            document.get("components")).get("parameters")).get("Lang");
        assertThat(((String) lang.get("description")).replaceAll("\\s+", " "))
            .contains("the first value counts", "in the language of the first `lang` if that is `de` or `en`");
    }

    /**
     * A language code is read in any case, in a body's {@code language} as in {@code lang} (a language tag is
     * case-insensitive, RFC 5646; {@code lang=EN} always was {@code en}): the documents listed {@code de, en} only, and
     * a booking with {@code "language":"EN"} looked like one they did not describe.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDocumentsSayALanguageCodeIsReadInAnyCase() throws IOException {
        Map<String, Object> document;
        try (InputStream in = getClass().getResourceAsStream("/openapi/digitalcheck-v1.yml")) {
            document = new Yaml().load(in);
        }
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        for (String schema : List.of("BookingRequest", "AssessmentRequest")) {
            Map<String, Object> language = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                schemas.get(schema)).get("properties")).get("language");
            assertThat((String) language.get("description")).as(schema).contains("in any case", "`EN` is `en`");
        }
        Map<String, Object> lang = (Map<String, Object>) ((Map<String, Object>) components.get("parameters")).get("Lang");
        assertThat((String) lang.get("description")).contains("in any case", "`EN` is `en`");
        String docs = Files.readString(Path.of("docs/api.md"));
        assertThat(docs).contains("A language code is read in any case, in a body's `language` as in `lang`",
            "`de` or `en`, in any case: `EN` is `en`");
    }
}

package de.digitalcheck.portal.booking.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.digitalcheck.portal.booking.AppointmentType;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.BookingChanges;
import de.digitalcheck.portal.booking.BookingLimitReached;
import de.digitalcheck.portal.booking.BookingPaths;
import de.digitalcheck.portal.booking.Bookings;
import de.digitalcheck.portal.booking.FreeSlot;
import de.digitalcheck.portal.booking.IdempotencyConflict;
import de.digitalcheck.portal.booking.SlotTaken;
import de.digitalcheck.portal.booking.UnknownAppointmentType;
import de.digitalcheck.portal.booking.UnknownBooking;
import de.digitalcheck.portal.routing.UnknownAgency;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.quota.DailyQuotas;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.TextRules;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.ApiConsumes;
import de.digitalcheck.portal.shared.web.ApiProblems;
import de.digitalcheck.portal.shared.web.QueryParameters;
import de.digitalcheck.portal.shared.web.JsonBody;
import de.digitalcheck.portal.shared.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/**
 * The booking part of API v1 (SPEC §9): appointment types, free times, bookings with their private token. Errors are
 * problem+json in the caller's language: 400 malformed, 404 unknown agency/type/booking, 409 time taken (with the
 * free times as they are now), 422 broken rules, 429 the contact address's bookings of the day reached (with
 * {@code Retry-After}). Nothing is stored on any error.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class BookingApi {

    private final Bookings bookings;
    private final ApiProblems problems;
    private final Messages messages;
    private final PortalSettings settings;
    private final BookingChanges changes;
    private final DailyQuotas quotas;

    BookingApi(Bookings bookings, ApiProblems problems, Messages messages, PortalSettings settings,
               BookingChanges changes, DailyQuotas quotas) {
        this.quotas = quotas;
        this.changes = changes;
        this.bookings = bookings;
        this.problems = problems;
        this.messages = messages;
        this.settings = settings;
    }

    @Get("/appointment-types")
    HttpResponse<?> types(HttpRequest<?> request, @QueryValue @Nullable String agency) {
        Language language = ApiProblems.language(request);
        Errors errors = QueryParameters.repeated(request.getParameters(), List.of("agency"));
        required(agency, "agency", errors);
        if (!errors.isEmpty()) {
            return problems.malformed(language, "problem.400.detail", errors.list());
        }
        return answer(request, () -> HttpResponse.ok(bookings.typesOf(agency).stream()
            .map(t -> TypeDoc.of(t, language)).toList()));
    }

    @Get("/slots")
    HttpResponse<?> slots(HttpRequest<?> request, @QueryValue @Nullable String agency, @QueryValue @Nullable String type,
                          @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                          @QueryValue @Nullable String coach) {
        Language language = ApiProblems.language(request);
        // a parameter given twice is that error, not also a malformed date or an unknown agency ("a,b")
        Errors errors = QueryParameters.repeated(request.getParameters(), List.of("agency", "type", "from", "to",
            "coach"));
        required(agency, "agency", errors);
        required(type, "type", errors);
        LocalDate fromDate = date(from, "from", errors);
        LocalDate toDate = date(to, "to", errors);
        if (!errors.isEmpty()) {
            return problems.malformed(language, "problem.400.detail", errors.list());
        }
        return answer(request, () -> {
            try {
                return HttpResponse.ok(new SlotsDoc(PortalTime.ZONE.getId(),
                    bookings.free(agency, type, fromDate, toDate, TextRules.shownOrNull(coach), Bookings.MAX_SLOTS).stream().map(SlotDoc::of).toList()));
            } catch (ValidationException e) {
                // the rules name the booking's field (coachId); here the coach is the query parameter coach
                throw new ValidationException(e.errors().stream().map(f -> f.field().equals("coachId")
                    ? new FieldError("coach", f.key(), f.args()) : f).toList());
            }
        });
    }

    @Post("/bookings")
    @Consumes(MediaType.ALL) // the type is checked after the security filter: ApiConsumes
    @ApiConsumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> book(HttpRequest<?> request, @Header("Idempotency-Key") @Nullable String key,
                         @Body @Nullable byte[] body) {
        Language fallback = ApiProblems.language(request);
        JsonNode root = parse(body);
        if (root == null) {
            return problems.problem(HttpStatus.BAD_REQUEST, fallback, "problem.400.json");
        }
        Errors errors = new Errors();
        String languageCode = JsonBody.text(root, "language", "language", errors);
        Language language = Language.fromCode(languageCode).orElse(fallback);
        if (languageCode != null && Language.fromCode(languageCode).isEmpty()) {
            errors.add("language", ApiProblems.languageError(languageCode));
        }
        String agencyId = JsonBody.text(root, "agencyId", "agencyId", errors);
        String typeId = JsonBody.text(root, "typeId", "typeId", errors);
        String startText = JsonBody.text(root, "start", "start", errors);
        String coachId = TextRules.shownOrNull(JsonBody.text(root, "coachId", "coachId", errors));
        JsonNode company = JsonBody.object(root, "company", "company", errors);
        JsonNode contact = JsonBody.object(root, "contact", "contact", errors);
        JsonNode consent = JsonBody.object(root, "consent", "consent", errors);
        String assessmentId = TextRules.shownOrNull(JsonBody.text(root, "assessmentId", "assessmentId", errors));
        String assessmentToken = TextRules.shownOrNull(JsonBody.text(root, "assessmentToken", "assessmentToken", errors));
        // the assessments' rule: absent or false shares nothing, another type than boolean is a 422 naming the field
        boolean share = Boolean.TRUE.equals(JsonBody.bool(consent, "shareWithAgency", "consent.shareWithAgency",
            errors));
        String companyName = JsonBody.text(company, "name", "company.name", errors);
        String postalCode = JsonBody.text(company, "postalCode", "company.postalCode", errors);
        if (TextRules.padded(postalCode)) { // a code is read as documented; the booking page's form trims it
            errors.add("company.postalCode", "error.code.spaces");
        }
        String contactName = JsonBody.text(contact, "name", "contact.name", errors);
        String email = JsonBody.text(contact, "email", "contact.email", errors);
        String phone = JsonBody.text(contact, "phone", "contact.phone", errors);
        Errors visit = new Errors(); // the address of a visit at the company
        String street = JsonBody.text(company, "street", "company.street", visit);
        String town = JsonBody.text(company, "town", "company.town", visit);
        if (!visit.isEmpty() && agencyId != null && typeId != null
            && bookings.atCompany(agencyId, typeId)) { // for other types they are ignored
            errors.addAll(visit.list());
        }
        // a member of the wrong type is that error, not also a missing or malformed one
        Errors malformed = new Errors();
        if (!errors.has("agencyId")) {
            required(agencyId, "agencyId", malformed);
        }
        if (!errors.has("typeId")) {
            required(typeId, "typeId", malformed);
        }
        Instant start = errors.has("start") ? null : instant(startText, "start", malformed);
        if (!malformed.isEmpty()) {
            // a request that cannot be read (400) names every member found wrong in it: those it could not read and
            // those of the wrong type or with forbidden characters, as a 422 names them all
            return problems.malformed(language, "problem.400.detail", errors.addAll(malformed.list()).list());
        }
        Bookings.Request booking = new Bookings.Request(agencyId, typeId, start, coachId, companyName, postalCode,
            contactName, email, phone, assessmentId, assessmentToken, share, language, key, street, town);
        if (!errors.isEmpty()) {
            return problems.invalid(language, errors.list());
        }
        return answer(request, language, () -> {
            Bookings.Made made = bookings.book(booking);
            BookingDoc doc = document(made.booking(), made.token());
            return made.repeated() ? HttpResponse.ok(doc)
                : HttpResponse.created(doc).header("Location", "/api/v1/bookings/" + made.booking().id());
        });
    }

    @Get("/bookings/{id}")
    HttpResponse<?> show(HttpRequest<?> request, @PathVariable String id, @QueryValue @Nullable String token) {
        Errors repeated = QueryParameters.repeated(request.getParameters(), List.of("token"));
        if (!repeated.isEmpty()) {
            return problems.malformed(ApiProblems.language(request), "problem.400.detail", repeated.list());
        }
        return answer(request, () -> HttpResponse.ok(document(bookings.find(id, token), token)));
    }

    @Post("/bookings/{id}/cancel")
    @Consumes(MediaType.ALL) // the type is checked after the security filter: ApiConsumes
    @ApiConsumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> cancel(HttpRequest<?> request, @PathVariable String id, @Body @Nullable byte[] body) {
        Language language = ApiProblems.language(request);
        JsonNode root = parse(body);
        if (root == null) {
            return problems.problem(HttpStatus.BAD_REQUEST, language, "problem.400.json");
        }
        Errors errors = new Errors();
        String token = JsonBody.text(root, "token", "token", errors);
        String reason = JsonBody.multiLineText(root, "reason", "reason", errors);
        if (!errors.isEmpty()) {
            return problems.invalid(language, errors.list());
        }
        return answer(request, language, () -> HttpResponse.ok(document(changes.cancel(id, token, reason), token)));
    }

    @Post("/bookings/{id}/reschedule")
    @Consumes(MediaType.ALL) // the type is checked after the security filter: ApiConsumes
    @ApiConsumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> reschedule(HttpRequest<?> request, @PathVariable String id, @Body @Nullable byte[] body) {
        Language language = ApiProblems.language(request);
        JsonNode root = parse(body);
        if (root == null) {
            return problems.problem(HttpStatus.BAD_REQUEST, language, "problem.400.json");
        }
        Errors errors = new Errors();
        String token = JsonBody.text(root, "token", "token", errors);
        String startText = JsonBody.text(root, "start", "start", errors);
        Errors malformed = new Errors();
        Instant start = errors.has("start") ? null : instant(startText, "start", malformed);
        if (!malformed.isEmpty()) { // as a new booking's: the 400 names the token of the wrong type too
            return problems.malformed(language, "problem.400.detail", errors.addAll(malformed.list()).list());
        }
        if (!errors.isEmpty()) { // a value of the wrong type or a text that breaks the text rules
            return problems.invalid(language, errors.list());
        }
        return answer(request, language, () -> {
            // the answer carries the booking's new token: the one sent is spent
            BookingChanges.Changed moved = changes.reschedule(id, token, start);
            return HttpResponse.ok(document(moved.booking(), moved.token()));
        });
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private HttpResponse<?> answer(HttpRequest<?> request, Supplier<HttpResponse<?>> work) {
        return answer(request, ApiProblems.language(request), work);
    }

    private HttpResponse<?> answer(HttpRequest<?> request, Language language, Supplier<HttpResponse<?>> work) {
        try {
            return work.get();
        } catch (UnknownAgency e) {
            return problems.notFound(request, language, "problem.booking.unknownAgency");
        } catch (UnknownAppointmentType e) {
            return problems.notFound(request, language, "problem.booking.unknownType");
        } catch (UnknownBooking e) {
            return problems.notFound(request, language, "problem.booking.notFound");
        } catch (ValidationException e) {
            return problems.invalid(language, e.errors());
        } catch (IdempotencyConflict e) {
            return problems.invalid(language, List.of(FieldError.of("Idempotency-Key", e.messageKey())));
        } catch (BookingLimitReached e) {
            // as the report mail's limit: until the next day begins (Europe/Berlin), when the count starts anew
            return problems.problem(HttpStatus.TOO_MANY_REQUESTS, language, "problem.booking.perAddress", e.limit())
                .header("Retry-After", String.valueOf(quotas.secondsUntilNextDay()));
        } catch (SlotTaken e) {
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(Problem.MEDIA_TYPE)
                .body(new TakenProblem("about:blank", messages.get(language, "problem.409"), 409,
                    messages.get(language, "problem.booking.taken"),
                    e.freeSlots().stream().map(SlotDoc::of).toList()));
        }
    }

    private JsonNode parse(@Nullable byte[] body) {
        return JsonBody.object(body).orElse(null);
    }

    private static void required(@Nullable String value, String field, Errors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "error.required");
        }
    }

    private static LocalDate date(@Nullable String text, String field, Errors errors) {
        if (errors.has(field)) {
            return null;
        }
        if (text == null || text.isBlank()) {
            errors.add(field, "error.required");
            return null;
        }
        // a date outside the years PortalTime allows cannot be read: the search's arithmetic stays in range
        LocalDate date = PortalTime.date(text).orElse(null);
        if (date == null) {
            errors.add(field, "error.booking.date");
        }
        return date;
    }

    /** An ISO-8601 time with offset ({@code 2026-12-07T10:00:00+01:00} or {@code …Z}) in the years PortalTime allows. */
    static Instant instant(@Nullable String text, String field, Errors errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, "error.required");
            return null;
        }
        Instant instant = PortalTime.offsetTime(text).orElse(null);
        if (instant == null) {
            errors.add(field, "error.booking.time");
        }
        return instant;
    }

    /** RFC 3339 with seconds always ({@code 2026-12-07T09:00:00+01:00}), as the document's {@code date-time}. */
    static String iso(Instant instant) {
        return PortalTime.local(instant).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private BookingDoc document(Booking b, String token) {
        return new BookingDoc(b.id(), token, b.status().name().toLowerCase(java.util.Locale.ROOT),
            iso(b.start()),
            iso(b.end()), new CoachRef(b.coachId(), b.coachName()),
            // in the booking's language, as the mails' link: an English booking's page opens in English
            b.type().id(), b.mode().name(), settings.link(BookingPaths.manage(b.id(), token, b.language())));
    }

    @Serdeable
    record TypeDoc(String id, String name, int durationMinutes, String mode) {
        static TypeDoc of(AppointmentType t, Language language) {
            return new TypeDoc(t.id(), t.name(language), t.durationMinutes(), t.mode().name());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SlotsDoc(String timeZone, List<SlotDoc> slots) {
    }

    @Serdeable
    record SlotDoc(String start, String end, String coachId, String coachName, String mode) {
        static SlotDoc of(FreeSlot s) {
            return new SlotDoc(iso(s.start()),
                iso(s.end()), s.coachId(), s.coachName(), s.mode().name());
        }
    }

    @Serdeable
    record CoachRef(String id, String name) {
    }

    @Serdeable
    record BookingDoc(String id, String token, String status, String start, String end, CoachRef coach,
                      String typeId, String mode, String manageUrl) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TakenProblem(String type, String title, int status, String detail, List<SlotDoc> freeSlots) {
    }
}

package de.digitalcheck.portal;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.leads.internal.WebhookDispatcher;
import de.digitalcheck.portal.leads.internal.Webhooks;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OnMariaDb;
import de.digitalcheck.portal.support.SmtpServer;
import de.digitalcheck.portal.support.WebhookReceiver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the portal (two application contexts with their own servers, pools and schedulers) against one
 * MySQL/MariaDB database, as two pods behind one service: the mail outbox delivers every mail once, each scheduled job
 * runs on one replica per period, and stopping one replica while it works (graceful shutdown) loses no request it
 * accepted and no mail.
 */
@OnMariaDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasMariaDbIntegrationTest {

    static final Duration JOB_INTERVAL = Duration.ofSeconds(2);
    static final List<String> JOBS = List.of("draft-retention", "magic-link-cleanup", "rate-limit-cleanup",
        "lead-escalation", "booking-reminders", "booking-leads", "lead-retention");

    final SmtpServer smtp = new SmtpServer();
    EmbeddedServer a;
    EmbeddedServer b;
    long startedMillis;

    Map<String, Object> properties(boolean first) {
        Map<String, Object> p = new HashMap<>(smtp.portalProperties());
        p.put("portal.mail.dispatch-interval", "1s");
        for (String job : JOBS) {
            p.put("portal.jobs." + job + ".interval", JOB_INTERVAL.toMillis() + "ms");
            p.put("portal.jobs." + job + ".initial-delay", "200ms");
        }
        // the mariadb environment drops the schema for each test context: only the first replica may
        p.put("flyway.datasources.default.clean-schema", first);
        return p;
    }

    @BeforeAll
    void startTwoReplicas() {
        startedMillis = System.currentTimeMillis();
        a = ApplicationContext.run(EmbeddedServer.class, properties(true), "test", "mariadb");
        b = ApplicationContext.run(EmbeddedServer.class, properties(false), "test", "mariadb");
        assertThat(a.getPort()).isNotEqualTo(b.getPort());
    }

    @AfterAll
    void stop() {
        if (b.isRunning()) {
            b.getApplicationContext().close();
        }
        a.getApplicationContext().close();
        smtp.stop();
    }

    static MailOutbox outbox(EmbeddedServer server) {
        return server.getApplicationContext().getBean(MailOutbox.class);
    }

    static double jobRuns(EmbeddedServer server, String job) {
        Counter c = server.getApplicationContext().getBean(MeterRegistry.class).find("digitalcheck.jobs.runs")
            .tag("job", job).counter();
        return c == null ? 0 : c.count();
    }

    Database db() {
        return new Database(a.getApplicationContext().getBean(javax.sql.DataSource.class));
    }

    @Test
    @Order(1)
    void theOutboxDeliversEveryMailOnceWhenBothReplicasDispatch() throws Exception {
        smtp.purge();
        int mails = 40;
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int i = 0; i < mails; i++) {
            int n = i;
            EmbeddedServer replica = i % 2 == 0 ? a : b;
            senders.submit(() -> outbox(replica).send(new Mail(Language.DE, "replica@example.org", "Mail " + n, "Text " + n)));
        }
        // both replicas dispatch at once, besides their wake-ups and scheduled runs
        for (int round = 0; round < 3; round++) {
            senders.submit(() -> outbox(a).dispatchDue());
            senders.submit(() -> outbox(b).dispatchDue());
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        MimeMessage[] received = smtp.awaitMails(mails);
        Thread.sleep(1500); // a scheduled run of each replica later: still no mail twice
        received = smtp.received();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : received) {
            subjects.add(m.getSubject());
        }
        System.out.println("Two replicas: " + mails + " mails queued, " + subjects.size() + " delivered");
        assertThat(subjects).hasSize(mails).doesNotHaveDuplicates();
        assertThat(db().count("mail_outbox")).isZero();
    }

    @Test
    @Order(2)
    void webhooksArriveOnceEachWhenBothReplicasDispatch() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = a.getApplicationContext().getBean(Webhooks.class).setUrl("weg-bochum", receiver.url())
                .orElseThrow();
            receiver.trust(secret);
            List<String> leads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                EmbeddedServer replica = i % 2 == 0 ? a : b;
                Http http = new Http(replica, replica.getApplicationContext().getBean(JsonMapper.class));
                Map<?, ?> lead = (Map<?, ?>) CompletedChecks.of(replica.getApplicationContext().getBean(Questionnaires.class)
                    .current()).named("Zwei Repliken " + i).at("44787").contact("Ria Replik", "ria" + i + "@replik.example.org")
                    .sharedWithAgency().submit(http).document().get("lead");
                leads.add((String) lead.get("id"));
            }
            // both replicas dispatch at once, besides the wake-ups after each commit and their scheduled runs
            ExecutorService dispatchers = Executors.newFixedThreadPool(2);
            for (int round = 0; round < 3; round++) {
                dispatchers.submit(() -> a.getApplicationContext().getBean(WebhookDispatcher.class).dispatchDue());
                dispatchers.submit(() -> b.getApplicationContext().getBean(WebhookDispatcher.class).dispatchDue());
            }
            dispatchers.shutdown();
            assertThat(dispatchers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            long until = System.currentTimeMillis() + 20_000;
            // relayed (no lead event waits) and delivered (no webhook row pending)
            while (db().count("lead_event") + db().count("webhook_delivery WHERE state = 'PENDING'") > 0) {
                assertThat(System.currentTimeMillis()).as("every event delivered").isLessThan(until);
                Thread.sleep(100);
            }
            Thread.sleep(1500); // a scheduled run of each replica later: still no event twice
            Map<String, Long> byId = new HashMap<>();
            for (WebhookReceiver.Received r : receiver.received()) {
                byId.merge(r.id(), 1L, Long::sum);
            }
            System.out.println("Two replicas: " + leads.size() + " leads, " + byId.size() + " webhook events received, "
                + receiver.received().size() + " requests");
            assertThat(byId).hasSize(leads.size());
            assertThat(byId.values()).as("each event once").allMatch(n -> n == 1);
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
            for (String lead : leads) {
                assertThat(receiver.received()).as("the event of lead " + lead).anyMatch(r -> r.body().contains(lead));
            }
        }
    }

    @Test
    @Order(3)
    void eachScheduledJobRunsOnOneReplicaPerPeriod() throws Exception {
        Thread.sleep(JOB_INTERVAL.multipliedBy(5).toMillis());
        long interval = JOB_INTERVAL.toMillis();
        Map<String, double[]> runs = new HashMap<>();
        for (String job : JOBS) {
            runs.put(job, new double[] {jobRuns(a, job), jobRuns(b, job)});
        }
        // the periods (aligned to the clock) in which a job may have run until the counters were read: taken after
        // reading them, as a run in a period that began while they were read is counted
        long periods = System.currentTimeMillis() / interval - startedMillis / interval + 1;
        for (String job : JOBS) {
            double onA = runs.get(job)[0];
            double onB = runs.get(job)[1];
            System.out.printf("Two replicas: job %s ran %.0f times on A and %.0f on B in %d periods%n", job, onA, onB,
                periods);
            assertThat(onA + onB).as(job + " ran at all").isGreaterThanOrEqualTo(4);
            // both replicas fire every period; without the lock the runs would be about twice the periods
            assertThat(onA + onB).as(job + " ran at most once per period").isLessThanOrEqualTo(periods);
        }
        assertThat(db().rows("SELECT name FROM shedlock")).hasSize(JOBS.size());
    }

    @Test
    @Order(4)
    void stoppingOneReplicaLosesNoAcceptedRequestAndNoMail() throws Exception {
        smtp.purge();
        Questionnaires questionnaires = b.getApplicationContext().getBean(Questionnaires.class);
        JsonMapper json = b.getApplicationContext().getBean(JsonMapper.class);
        String body = new Http(b, json).write(Map.of(
            "company", Map.of("name", "Rolling GmbH", "postalCode", "44135", "sector", "C", "employees", 12,
                "companyType", "OWN_PRODUCTS"),
            "answers", de.digitalcheck.portal.support.Answers.atLevel(questionnaires.current(),
                de.digitalcheck.portal.readiness.CompanyType.OWN_PRODUCTS, 2),
            "language", "de"));
        long checksBefore = db().count("assessment");
        // mails queued on the replica that is about to stop
        int mails = 20;
        for (int i = 0; i < mails; i++) {
            outbox(b).send(new Mail(Language.DE, "rolling@example.org", "Rolling " + i, "Text " + i));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + b.getPort() + "/api/v1/assessments");
        // as in Kubernetes: the pod leaves the service's endpoints (preStop), then gets SIGTERM while requests it
        // accepted are still running; the clients send no new request to it after it left
        AtomicBoolean inService = new AtomicBoolean(true);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger answeredDuringStop = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong stopAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
        Map<String, Boolean> ids = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            clients.submit(() -> {
                while (inService.get()) {
                    inFlight.incrementAndGet();
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            created.incrementAndGet();
                            if (System.nanoTime() > stopAt.get()) {
                                answeredDuringStop.incrementAndGet();
                            }
                            ids.put((String) json.readValue(r.body(), Map.class).get("id"), true);
                        } else {
                            failed.add("status " + r.statusCode() + ": " + r.body());
                        }
                    } catch (IOException e) {
                        // a request that raced the stop on a keep-alive connection the replica was closing (in
                        // Kubernetes, preStop keeps them away): fine if the replica did nothing with it (see below)
                        unanswered.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    } catch (InterruptedException e) {
                        return;
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            });
        }
        while (created.get() < 20) {
            Thread.sleep(5);
        }
        inService.set(false);
        int inFlightAtStop = inFlight.get();
        stopAt.set(System.nanoTime());
        b.getApplicationContext().stop(); // what SIGTERM does: graceful shutdown, then the beans close
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        boolean refusedAfterStop;
        try {
            client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding());
            refusedAfterStop = false;
        } catch (ConnectException e) {
            refusedAfterStop = true;
        }

        System.out.println("Two replicas: rolling stop with " + inFlightAtStop + " requests in flight at SIGTERM, "
            + answeredDuringStop.get() + " of them answered 201 during the graceful stop, " + created.get()
            + " checks created in all, not answered (connection closed before the request was read): " + unanswered);
        assertThat(inFlightAtStop).as("the stop came while requests were running").isPositive();
        assertThat(answeredDuringStop.get()).as("requests running at the stop were answered").isPositive();
        assertThat(failed).as("error answers").isEmpty();
        assertThat(unanswered.size()).isLessThanOrEqualTo(inFlightAtStop - answeredDuringStop.get());
        assertThat(refusedAfterStop).as("the stopped replica accepts no connection").isTrue();
        // nothing was done for a request without an answer: every stored check is an answered one
        assertThat(db().count("assessment") - checksBefore).as("every answered request's check is stored, no other")
            .isEqualTo(created.get());
        assertThat(ids).hasSize(created.get());
        // the mails the stopped replica had not sent are sent by the other one
        MimeMessage[] received = smtp.awaitMails(mails);
        Thread.sleep(1500);
        received = smtp.received();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : received) {
            subjects.add(m.getSubject());
        }
        System.out.println("Two replicas: " + mails + " mails queued on the stopped replica, " + subjects.size()
            + " delivered");
        assertThat(subjects).hasSize(mails).doesNotHaveDuplicates();
        assertThat(db().count("mail_outbox")).isZero();
    }
}

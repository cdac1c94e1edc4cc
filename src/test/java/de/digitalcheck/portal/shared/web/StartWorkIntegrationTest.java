package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.context.MessageSource;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.filters.SecurityFilter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the start does and does not do before the first request (bench/README.md, "3 December"): the server filters are
 * made by the start's warm-up ({@link FiltersAtStart}), not by the first request (the first readiness probe); the
 * message bundle is read by the first message, not by the start.
 */
class StartWorkIntegrationTest {

    @Test
    void everyServerFilterIsMadeByTheStartAndTheBundleIsNotRead() throws InterruptedException {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, "test")) {
            ApplicationContext context = server.getApplicationContext();
            FiltersAtStart warmUp = context.getBean(FiltersAtStart.class);
            assertThat(warmUp.awaitDone(java.time.Duration.ofSeconds(30))).as("the warm-up ends").isTrue();
            List<BeanDefinition<Object>> filters = warmUp.filters();
            Set<Class<?>> types = filters.stream().map(BeanDefinition::getBeanType).collect(Collectors.toSet());
            assertThat(types).as("the portal's filters and Micronaut's").contains(SecurityHeadersFilter.class,
                RateLimitFilter.class, CsrfCookieFilter.class, SecurityFilter.class);
            Set<Class<?>> made = context.getActiveBeanRegistrations(Object.class).stream()
                .map(BeanRegistration::getBeanDefinition).map(BeanDefinition::getBeanType).collect(Collectors.toSet());
            assertThat(made).as("made before any request").containsAll(types);

            ViewsConfig.Deferred bundle = deferred(context);
            assertThat(bundle.isRead()).as("nothing at start needs a message").isFalse();
            Messages messages = context.getBean(Messages.class);
            assertThat(messages.get(Language.DE, "layout.skip")).isEqualTo("Zum Inhalt springen");
            assertThat(messages.get(Language.EN, "layout.skip")).isEqualTo("Skip to content");
            assertThat(bundle.isRead()).isTrue();
        }
    }

    @Test
    void theBundleIsReadOnceByTheFirstMessagesEvenWhenTheyComeTogether() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ViewsConfig.Deferred source = new ViewsConfig.Deferred(() -> {
            reads.incrementAndGet();
            return new ResourceBundleMessageSource(ViewsConfig.BUNDLE);
        });
        assertThat(reads).hasValue(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return source.getMessage("layout.skip", Locale.ENGLISH);
                }));
            }
            go.countDown();
            for (Future<Optional<String>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).contains("Skip to content");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads).as("read once").hasValue(1);
        assertThat(source.getMessage("no.such.key", Locale.GERMAN)).isEmpty();
        assertThat(source.getMessage("layout.skip", Locale.GERMAN)).contains("Zum Inhalt springen");
        assertThat(reads).hasValue(1);
    }

    private static ViewsConfig.Deferred deferred(ApplicationContext context) {
        List<ViewsConfig.Deferred> ours = context.getBeansOfType(MessageSource.class).stream()
            .filter(ViewsConfig.Deferred.class::isInstance).map(ViewsConfig.Deferred.class::cast).toList();
        assertThat(ours).as("the portal's bundle").hasSize(1);
        return ours.get(0);
    }
}

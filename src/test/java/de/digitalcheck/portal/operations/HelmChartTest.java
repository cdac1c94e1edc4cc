package de.digitalcheck.portal.operations;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart {@code helm/digitalcheck}, rendered and linted by helm-java (Helm's own Go library, no helm binary):
 * the manifests for the default and the production example values, what they must hold, the schema refusing wrong
 * values, and the committed rendering of the production example ({@code docs/helm-example-production.yaml}) being
 * what the chart renders now. To regenerate it after changing the chart:
 * {@code ./mvnw -o -Dfrontend.skip=true -Dcds.skip=true -Dtest=HelmChartTest -Dhelm.example.write=true test}.
 *
 * <p>helm-java's {@code template} leaves Helm hooks out (the CLI's {@code helm template} prints them), so the
 * migration Job, a pre-install/pre-upgrade hook, is rendered from a copy of the chart in which its hook annotation is
 * renamed, and the rendering names it back: the manifests are what {@code helm template} prints.
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm/digitalcheck");
    static final Path PRODUCTION = CHART.resolve("examples/production.yaml");
    static final Path EXAMPLE = Path.of("docs/helm-example-production.yaml");
    static final String HOOK = "\"helm.sh/hook\":";
    static final String RENAMED_HOOK = "\"hook.test.invalid/helm.sh-hook\":";
    static final Path RENDERED_CHART = copyWithHooksAsManifests();

    static TemplateCommand template() {
        return new Helm(RENDERED_CHART).template().withName("digitalcheck").withNamespace("digitalcheck")
            .withKubeVersion("1.30.0");
    }

    /** The chart in a temporary directory, its hooks' {@code helm.sh/hook} annotations renamed. */
    private static Path copyWithHooksAsManifests() {
        try {
            Path copy = Files.createTempDirectory("chart-with-hooks").resolve("digitalcheck");
            try (var files = Files.walk(CHART)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(CHART.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, Files.readString(source).replace(HOOK, RENAMED_HOOK));
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What {@code helm template} prints: the hooks' annotations named back. */
    static String rendered(TemplateCommand template) {
        return template.call().replace(RENAMED_HOOK, HOOK);
    }

    static List<Map<String, Object>> manifests(String rendered) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(rendered.replace(RENAMED_HOOK, HOOK))) {
            if (doc != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) doc;
                docs.add(map);
            }
        }
        return docs;
    }

    static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
            .orElseThrow(() -> new AssertionError("no " + kind + " in " + docs.stream().map(d -> d.get("kind")).toList()));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String path) {
        Object current = node;
        for (String step : path.split("\\.")) {
            if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(step));
            } else {
                current = ((Map<String, Object>) current).get(step);
            }
            if (current == null) {
                throw new AssertionError("nothing at " + path + " (" + step + ")");
            }
        }
        return (T) current;
    }

    @Test
    void lintPasses() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).as("no errors or warnings")
            .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void defaultValuesRenderASafeDeployment() {
        List<Map<String, Object>> docs = manifests(template().call());
        assertThat(docs.stream().map(d -> (String) d.get("kind")).collect(Collectors.toSet()))
            .contains("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap",
                "NetworkPolicy", "Job")
            .doesNotContain("Secret", "ServiceMonitor");
        Map<String, Object> deployment = kind(docs, "Deployment");
        Map<String, Object> pod = at(deployment, "spec.template.spec");
        Map<String, Object> container = at(pod, "containers.0");

        // non-root, read-only root file system with a writable /tmp
        assertThat((Boolean) at(pod, "securityContext.runAsNonRoot")).isTrue();
        assertThat((Integer) at(pod, "securityContext.runAsUser")).isPositive();
        assertThat((Boolean) at(container, "securityContext.readOnlyRootFilesystem")).isTrue();
        assertThat((Boolean) at(container, "securityContext.allowPrivilegeEscalation")).isFalse();
        assertThat((List<String>) at(container, "securityContext.capabilities.drop")).containsExactly("ALL");
        assertThat((String) at(container, "volumeMounts.0.mountPath")).isEqualTo("/tmp");
        assertThat((Map<String, Object>) at(pod, "volumes.0")).containsKey("emptyDir");
        assertThat((Boolean) at(pod, "automountServiceAccountToken")).isFalse();

        // probes on the management port's health endpoints
        assertThat((String) at(container, "startupProbe.httpGet.path")).isEqualTo("/health/readiness");
        assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/health/readiness");
        assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/health/liveness");
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat((String) at(container, probe + ".httpGet.port")).as(probe).isEqualTo("management");
        }
        assertThat((List<Map<String, Object>>) at(container, "ports"))
            .extracting(p -> p.get("name") + ":" + p.get("containerPort")).containsExactly("http:8080", "management:9090");

        // resources and the JVM sized to them; graceful shutdown
        assertThat((String) at(container, "resources.limits.memory")).isEqualTo("512Mi");
        assertThat((String) at(container, "resources.requests.memory")).isNotBlank();
        assertThat((String) at(container, "lifecycle.preStop.exec.command.0")).isEqualTo("sleep");
        assertThat((Integer) at(pod, "terminationGracePeriodSeconds")).isGreaterThan(30);

        // secrets by reference only; configuration from the ConfigMap
        Map<String, String> secretRefs = ((List<Map<String, Object>>) at(container, "env")).stream()
            .collect(Collectors.toMap(e -> (String) e.get("name"),
                e -> at(e, "valueFrom.secretKeyRef.name") + "/" + at(e, "valueFrom.secretKeyRef.key")));
        assertThat(secretRefs).containsEntry("DB_URL", "digitalcheck-database/url")
            .containsEntry("DB_USER", "digitalcheck-database/username")
            .containsEntry("DB_PASSWORD", "digitalcheck-database/password")
            .containsEntry("SESSION_SECRET", "digitalcheck-session/secret")
            .containsEntry("OIDC_CLIENT_SECRET", "digitalcheck-oidc/client-secret")
            .containsEntry("JAVAMAIL_AUTHENTICATION_USERNAME", "digitalcheck-smtp/username")
            .containsEntry("JAVAMAIL_AUTHENTICATION_PASSWORD", "digitalcheck-smtp/password")
            .containsEntry("WEBHOOK_SECRETS_KEY", "digitalcheck-webhook/secrets-key");
        Map<String, String> config = at(kind(docs, "ConfigMap"), "data");
        assertThat(config).containsEntry("PORT", "8080").containsEntry("MANAGEMENT_PORT", "9090")
            .containsEntry("PORTAL_BASE_URL", "https://digitalcheck.example.org").containsEntry("LOG_FORMAT", "json")
            .doesNotContainKeys("DB_PASSWORD", "SESSION_SECRET", "OIDC_CLIENT_SECRET", "MICRONAUT_ENVIRONMENTS");
        assertThat(config.get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");
        // the replicas leave the schema to the migration Job
        assertThat(config).containsEntry("FLYWAY_ENABLED", "false");
        migrationJobMigratesBeforeThePodsChange(docs, secretRefs, config);

        // with the HPA the Deployment leaves the replicas to it
        assertThat(at(deployment, "spec") instanceof Map<?, ?> spec && !spec.containsKey("replicas")).isTrue();
        assertThat((Integer) at(kind(docs, "HorizontalPodAutoscaler"), "spec.minReplicas")).isEqualTo(2);
        assertThat((Integer) at(kind(docs, "PodDisruptionBudget"), "spec.minAvailable")).isEqualTo(1);
        // the Ingress publishes only the HTTP port, with TLS
        Map<String, Object> ingress = kind(docs, "Ingress");
        assertThat((String) at(ingress, "spec.rules.0.http.paths.0.backend.service.port.name")).isEqualTo("http");
        assertThat((String) at(ingress, "spec.tls.0.hosts.0")).isEqualTo("digitalcheck.example.org");
        // the NetworkPolicy admits the ingress controller to http and monitoring to management only
        Map<String, Object> policy = kind(docs, "NetworkPolicy");
        assertThat((List<String>) at(policy, "spec.policyTypes")).containsExactly("Ingress", "Egress");
        assertThat((Object) at(policy, "spec.ingress.0.ports.0.port")).isEqualTo("http");
        assertThat((Object) at(policy, "spec.ingress.1.ports.0.port")).isEqualTo("management");
    }

    /**
     * The pre-install/pre-upgrade hook Job: the same image, configuration and Secrets as the pods, {@code --migrate-only}
     * with Flyway on, never restarted in place, and labelled so that neither the Deployment nor the Service takes it.
     */
    static void migrationJobMigratesBeforeThePodsChange(List<Map<String, Object>> docs, Map<String, String> podSecretRefs,
                                                         Map<String, String> config) {
        Map<String, Object> job = kind(docs, "Job");
        Map<String, String> annotations = at(job, "metadata.annotations");
        assertThat(annotations).containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
            .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
        Map<String, Object> pod = at(job, "spec.template.spec");
        Map<String, Object> container = at(pod, "containers.0");
        Map<String, Object> portal = at(kind(docs, "Deployment"), "spec.template.spec.containers.0");
        assertThat((String) at(container, "image")).isEqualTo(at(portal, "image"));
        assertThat((List<String>) at(container, "args")).containsExactly("--migrate-only");
        assertThat((String) at(pod, "restartPolicy")).isEqualTo("Never");
        assertThat((Integer) at(job, "spec.backoffLimit")).isEqualTo(1);
        assertThat((Integer) at(job, "spec.activeDeadlineSeconds")).isPositive();
        assertThat((Boolean) at(pod, "securityContext.runAsNonRoot")).isTrue();
        assertThat((Boolean) at(container, "securityContext.readOnlyRootFilesystem")).isTrue();
        assertThat((String) at(container, "volumeMounts.0.mountPath")).isEqualTo("/tmp");
        assertThat((String) at(container, "resources.limits.memory")).isEqualTo("512Mi");
        Map<String, Object> labels = at(job, "spec.template.metadata.labels");
        Map<String, Object> selector = at(kind(docs, "Deployment"), "spec.selector.matchLabels");
        assertThat(labels.entrySet().containsAll(selector.entrySet()))
            .as("the portal's selector (Deployment, Service, NetworkPolicy) must not match the Job's pod").isFalse();
        // the configuration inline (a hook runs before the release's ConfigMap exists), Flyway on, the same Secrets
        List<Map<String, Object>> env = at(container, "env");
        Map<String, String> values = env.stream().filter(e -> e.containsKey("value"))
            .collect(Collectors.toMap(e -> (String) e.get("name"), e -> (String) e.get("value")));
        Map<String, String> expected = new java.util.HashMap<>(config);
        expected.put("FLYWAY_ENABLED", "true");
        assertThat(values).isEqualTo(expected);
        Map<String, String> secretRefs = env.stream().filter(e -> e.containsKey("valueFrom"))
            .collect(Collectors.toMap(e -> (String) e.get("name"),
                e -> at(e, "valueFrom.secretKeyRef.name") + "/" + at(e, "valueFrom.secretKeyRef.key")));
        assertThat(secretRefs).isEqualTo(podSecretRefs);
    }

    @Test
    void withoutTheMigrationJobEveryReplicaMigratesAtStart() {
        List<Map<String, Object>> docs = manifests(template().set("migrations.job", false).call());
        assertThat(docs).noneMatch(d -> "Job".equals(d.get("kind")));
        assertThat((String) at(kind(docs, "ConfigMap"), "data.FLYWAY_ENABLED")).isEqualTo("true");
    }

    @Test
    void withoutAutoscalingTheDeploymentHasTheReplicas() {
        List<Map<String, Object>> docs = manifests(template().set("autoscaling.enabled", false).set("replicaCount", 4)
            .set("networkPolicy.enabled", false).set("podDisruptionBudget.enabled", false)
            .set("secrets.smtp.enabled", false).call());
        assertThat((Integer) at(kind(docs, "Deployment"), "spec.replicas")).isEqualTo(4);
        assertThat(docs).noneMatch(d -> List.of("HorizontalPodAutoscaler", "NetworkPolicy", "PodDisruptionBudget")
            .contains(d.get("kind")));
        List<Map<String, Object>> env = at(kind(docs, "Deployment"), "spec.template.spec.containers.0.env");
        assertThat(env).extracting(e -> e.get("name")).doesNotContain("JAVAMAIL_AUTHENTICATION_USERNAME");
    }

    @Test
    void productionExampleRendersAndIsTheCommittedExample() throws IOException {
        String rendered = rendered(template().withValuesFile(PRODUCTION));
        List<Map<String, Object>> docs = manifests(rendered);
        assertThat((Integer) at(kind(docs, "HorizontalPodAutoscaler"), "spec.minReplicas")).isEqualTo(3);
        assertThat((Integer) at(kind(docs, "PodDisruptionBudget"), "spec.minAvailable")).isEqualTo(2);
        assertThat((String) at(kind(docs, "ServiceMonitor"), "spec.endpoints.0.port")).isEqualTo("management");
        assertThat((String) at(kind(docs, "ServiceMonitor"), "spec.endpoints.0.path")).isEqualTo("/prometheus");
        assertThat((String) at(kind(docs, "NetworkPolicy"), "spec.egress.1.to.0.ipBlock.cidr")).isEqualTo("10.20.0.0/16");
        assertThat((String) at(kind(docs, "ConfigMap"), "data.PORTAL_BASE_URL"))
            .isEqualTo("https://digitalcheck.wf-beispielstadt.example");

        String example = "# Rendered from helm/digitalcheck with helm/digitalcheck/examples/production.yaml; regenerate with\n"
            + "# ./mvnw -o -Dfrontend.skip=true -Dcds.skip=true -Dtest=HelmChartTest -Dhelm.example.write=true test\n"
            + rendered;
        if (Boolean.getBoolean("helm.example.write")) {
            Files.writeString(EXAMPLE, example, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(EXAMPLE, StandardCharsets.UTF_8)).as(EXAMPLE + " is the chart's rendering now "
            + "(regenerate it: see this test's note)").isEqualTo(example);
    }

    @Test
    void theSchemaRefusesMissingValues(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // null in a values file removes the chart's default: as if the operator left it out
        for (String missing : List.of("resources:\n  limits:\n    memory: null\n", "ingress:\n  host: null\n",
            "secrets:\n  session: null\n", "publicUrl: null\n", "image:\n  tag: null\n")) {
            Path values = dir.resolve("values.yaml");
            Files.writeString(values, missing);
            assertThatThrownBy(() -> template().withValuesFile(values).call()).as(missing)
                .hasMessageContaining("values don't meet the specifications of the schema");
        }
    }

    @Test
    void theSchemaRefusesWrongValues() {
        List<UnaryOperator<TemplateCommand>> wrong = List.of(
            t -> t.set("replicaCount", "two"),
            t -> t.set("replicaCount", 0),
            t -> t.set("resources.limits.memory", null),
            t -> t.set("ingress.host", null),
            t -> t.set("ingress.host", "not a host"),
            t -> t.set("publicUrl", "digitalcheck.example.org"),
            t -> t.set("publicUrl", "https://digitalcheck.example.org/"),
            t -> t.set("securityContext.readOnlyRootFilesystem", false),
            t -> t.set("podSecurityContext.runAsNonRoot", false),
            t -> t.set("config.SESSION_SECRET", "a-secret-in-a-config-map"),
            t -> t.set("config.MICRONAUT_ENVIRONMENTS", "dev"),
            t -> t.set("config.FLYWAY_ENABLED", "true"),
            t -> t.set("migrations.job", "yes"),
            t -> t.set("migrations.backoffLimit", -1),
            t -> t.set("config.RATE_LIMIT_WINDOW", "ten minutes"),
            t -> t.set("config.OPERATOR_PUBLIC_BODY", "ja"),
            t -> t.set("config.ACCESSIBILITY_STATUS", "teilweise"),
            t -> t.set("config.ACCESSIBILITY_ASSESSED", "20.11.2026"),
            t -> t.set("config.ACCESSIBILITY_ENFORCEMENT_URL", "http://schlichtung.example.org"),
            t -> t.set("secrets.database.name", null),
            t -> t.set("jvmOptions", "-Xmx2g"),
            t -> t.set("autoscaling.maxReplicas", "many"));
        for (int i = 0; i < wrong.size(); i++) {
            TemplateCommand command = wrong.get(i).apply(template());
            assertThatThrownBy(command::call).as("wrong value #" + i).hasMessageContaining("values don't meet the specifications of the schema");
        }
        // and ingress off needs no host
        assertThat(template().set("ingress.enabled", false).set("ingress.host", null).call()).doesNotContain("kind: Ingress");
        Objects.requireNonNull(CHART);
    }
}

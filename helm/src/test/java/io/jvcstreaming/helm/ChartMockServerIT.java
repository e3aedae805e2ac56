package io.jvcstreaming.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rendered chart applied to fabric8's CRUD mock API server, read back through typed clients. */
@EnableKubernetesMockClient(crud = true)
class ChartMockServerIT {

  private static final String NS = Chart.NS;
  private static final String SPARK_API = "sparkoperator.k8s.io/v1beta2";

  KubernetesClient client;

  @BeforeEach
  void registerSparkApplicationKind() throws Exception {
    // a minimal CRD of our own: the mock needs the kind registered before any SparkApplication is written
    try (InputStream in = Files.newInputStream(Chart.resource("mock/sparkapplication-crd.yaml"))) {
      CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
  }

  private List<HasMetadata> apply(String yaml) {
    List<HasMetadata> items = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    assertThat(items).isNotEmpty();
    return client.resourceList(items).inNamespace(NS).create();
  }

  @Test
  @DisplayName("default values: every resource is accepted and reads back as rendered")
  void defaultInstall() {
    List<HasMetadata> created = apply(Chart.render(Map.of()));
    assertThat(created).hasSize(20);
    assertThat(client.configMaps().inNamespace(NS).withName("jvc-streaming-grafana-dashboard").get().getMetadata()
        .getLabels()).containsEntry("grafana_dashboard", "1");

    Deployment scraper = client.apps().deployments().inNamespace(NS).withName("jvc-streaming-scraper").get();
    assertThat(scraper.getSpec().getReplicas()).isEqualTo(1);
    Container c = scraper.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("jvc-streaming/scraper:1.0.0-SNAPSHOT");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo("jvc-streaming-scraper");

    ConfigMap cm = client.configMaps().inNamespace(NS).withName("jvc-streaming-scraper").get();
    assertThat(cm.getData()).containsEntry("JVC_STREAM_HOST", "0.0.0.0").containsEntry("JVC_LEADER_ELECTION", "false");

    Service svc = client.services().inNamespace(NS).withName("jvc-streaming-scraper").get();
    assertThat(svc.getSpec().getPorts()).extracting(ServicePort::getName, ServicePort::getPort)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("stream", 6667),
            org.assertj.core.groups.Tuple.tuple("http", 8080));
    assertThat(svc.getSpec().getSelector()).containsEntry("app.kubernetes.io/component", "scraper");
    assertThat(client.pods().inNamespace(NS).withLabels(svc.getSpec().getSelector()).list().getItems()).isEmpty();

    StatefulSet redis = client.apps().statefulSets().inNamespace(NS).withName("jvc-streaming-redis").get();
    assertThat(redis.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests().get("storage")
        .toString()).isEqualTo("1Gi");
    assertThat(client.services().inNamespace(NS).withName("jvc-streaming-redis").get().getSpec().getPorts().get(0)
        .getPort()).isEqualTo(6379);

    Role role = client.rbac().roles().inNamespace(NS).withName("jvc-streaming-spark").get();
    assertThat(role.getRules().get(0).getResources()).contains("pods", "services", "configmaps",
        "persistentvolumeclaims");
    assertThat(role.getRules().get(0).getVerbs()).contains("create", "delete", "watch");
    RoleBinding binding = client.rbac().roleBindings().inNamespace(NS).withName("jvc-streaming-spark").get();
    assertThat(binding.getSubjects().get(0).getName()).isEqualTo("jvc-streaming-spark");
    assertThat(binding.getSubjects().get(0).getNamespace()).isEqualTo(NS);
    assertThat(client.serviceAccounts().inNamespace(NS).withName("jvc-streaming-spark").get()).isNotNull();
    assertThat(client.persistentVolumeClaims().inNamespace(NS).withName("jvc-streaming-spark-checkpoints").get()
        .getSpec().getAccessModes()).containsExactly("ReadWriteOnce");

    List<NetworkPolicy> policies = client.network().v1().networkPolicies().inNamespace(NS).list().getItems();
    assertThat(policies).extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder("jvc-streaming-scraper", "jvc-streaming-redis");
    NetworkPolicy scraperPolicy = policies.stream()
        .filter(p -> p.getMetadata().getName().equals("jvc-streaming-scraper")).findFirst().orElseThrow();
    assertThat(scraperPolicy.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/component", "spark-job");
    assertThat(scraperPolicy.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal()).isEqualTo(6667);

    List<GenericKubernetesResource> apps = client.genericKubernetesResources(SPARK_API, "SparkApplication")
        .inNamespace(NS).list().getItems();
    assertThat(apps).extracting(a -> a.getMetadata().getName()).containsExactlyInAnyOrder("jvc-streaming-stickers",
        "jvc-streaming-authors", "jvc-streaming-words", "jvc-streaming-pseudo", "jvc-streaming-topics");
    for (GenericKubernetesResource app : apps) {
      String job = app.getMetadata().getName().substring("jvc-streaming-".length());
      assertThat((Object) app.get("spec", "image")).isEqualTo("jvc-streaming/spark-analytics:1.0.0-SNAPSHOT");
      assertThat((Object) app.get("spec", "mainClass")).isEqualTo("io.jvcstreaming.analytics.AnalyticsMain");
      assertThat((Object) app.get("spec", "type")).isEqualTo("Java");
      assertThat((List<Object>) app.get("spec", "arguments")).startsWith("--job", job, "--source",
          "jvc-streaming-scraper.jvc-streaming.svc.cluster.local:6667");
      assertThat(((Number) app.get("spec", "executor", "cores")).intValue()).isEqualTo(2);
      assertThat(((Number) app.get("spec", "executor", "instances")).intValue()).isEqualTo(1);
      assertThat(((Number) app.get("spec", "driver", "cores")).intValue()).isEqualTo(1);
      assertThat((Object) app.get("spec", "restartPolicy", "type")).isEqualTo("Always");
      assertThat(((Number) app.get("spec", "restartPolicy", "onFailureRetryInterval")).intValue()).isEqualTo(30);
      assertThat((Object) app.get("spec", "driver", "podName")).isEqualTo("jvc-streaming-" + job + "-driver");
    }
    // `kubectl get sparkapp -l jvc-streaming.io/job=words` selects exactly one job
    assertThat(client.genericKubernetesResources(SPARK_API, "SparkApplication").inNamespace(NS)
        .withLabel("jvc-streaming.io/job", "words").list().getItems()).hasSize(1);
  }

  @Test
  @DisplayName("custom values (HA, token, dashboard, two jobs): Lease RBAC and the custom jobs are created")
  void customInstall() {
    apply(Chart.render(Chart.RELEASE, Chart.resource("values/custom.yaml"), Map.of()));

    Deployment scraper = client.apps().deployments().inNamespace(NS).withName("jvc-streaming-scraper").get();
    assertThat(scraper.getSpec().getReplicas()).isEqualTo(2);
    assertThat(scraper.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    Container c = scraper.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("STREAM_TOKEN");
      assertThat(e.getValue()).isNull();
      assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("jvc-stream-token");
    });
    Role lease = client.rbac().roles().inNamespace(NS).withName("jvc-streaming-scraper-leader-election").get();
    assertThat(lease.getRules()).anySatisfy(r -> {
      assertThat(r.getApiGroups()).containsExactly("coordination.k8s.io");
      assertThat(r.getResourceNames()).containsExactly("jvc-streaming-scraper");
    });
    assertThat(client.apps().deployments().inNamespace(NS).withName("jvc-streaming-dashboard").get()).isNotNull();
    assertThat(client.network().v1().networkPolicies().inNamespace(NS).list().getItems()).hasSize(3);

    List<GenericKubernetesResource> apps = client.genericKubernetesResources(SPARK_API, "SparkApplication")
        .inNamespace(NS).list().getItems();
    assertThat(apps).extracting(a -> a.getMetadata().getName())
        .containsExactlyInAnyOrder("jvc-streaming-stickers-fast", "jvc-streaming-my-pseudos");
    GenericKubernetesResource pseudo = apps.stream()
        .filter(a -> a.getMetadata().getName().equals("jvc-streaming-my-pseudos")).findFirst().orElseThrow();
    assertThat((List<Object>) pseudo.get("spec", "arguments")).containsSequence("--pseudo", "Alpha,Beta_42");
    assertThat(((Number) pseudo.get("spec", "executor", "instances")).intValue()).isEqualTo(2);
    assertThat((Object) pseudo.get("spec", "restartPolicy", "type")).isEqualTo("OnFailure");
  }
}

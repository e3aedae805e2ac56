package io.jvcstreaming.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every rendered SparkApplication is checked against sparkapplication-v1beta2.strict.schema.json, written for this
 * project from the v1beta2 API (unknown fields refused, so a misspelt field fails here instead of being pruned).
 */
class SparkApplicationSchemaTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static Schema schema;

  @BeforeAll
  static void loadSchema() {
    JsonNode node = JSON.readTree(Chart.read(Chart.resource("sparkapplication-v1beta2.strict.schema.json")));
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(node);
  }

  private static List<String> errors(JsonNode app) {
    return schema.validate(app).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .collect(Collectors.toList());
  }

  private static List<JsonNode> apps(String yaml) {
    return Chart.ofKind(Chart.docs(yaml), "SparkApplication").stream().map(d -> (JsonNode) JSON.valueToTree(d))
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"default", "values/custom.yaml", "dashboard+token"})
  @DisplayName("every rendered SparkApplication matches the strict v1beta2 schema")
  void renderedAppsAreValid(String variant) {
    String yaml = switch (variant) {
      case "default" -> Chart.render(Map.of());
      case "dashboard+token" -> Chart.render(Map.of("dashboard.enabled", true,
          "scraper.streamToken.existingSecret", "tok"));
      default -> Chart.render(Chart.RELEASE, Chart.resource(variant), Map.of());
    };
    List<JsonNode> apps = apps(yaml);
    assertThat(apps).isNotEmpty();
    for (JsonNode app : apps) {
      assertThat(errors(app)).as(app.at("/metadata/name").asString()).isEmpty();
    }
  }

  private static List<String> errorsAfter(Consumer<ObjectNode> change) {
    ObjectNode app = (ObjectNode) apps(Chart.render(Map.of())).get(0);
    change.accept(app);
    return errors(app);
  }

  @Test
  @DisplayName("a misspelt field fails (serviceAcount, instance)")
  void typoFails() {
    assertThat(errorsAfter(a -> ((ObjectNode) a.at("/spec/driver")).put("serviceAcount", "spark")))
        .anyMatch(e -> e.contains("serviceAcount"));
    assertThat(errorsAfter(a -> ((ObjectNode) a.at("/spec/executor")).put("instance", 2)))
        .anyMatch(e -> e.contains("instance"));
  }

  @Test
  @DisplayName("a number where a string belongs fails, and a string where a number belongs")
  void wrongTypesFail() {
    assertThat(errorsAfter(a -> ((ObjectNode) a.at("/spec/sparkConf")).put("spark.executor.instances", 2)))
        .anyMatch(e -> e.contains("/spec/sparkConf"));
    assertThat(errorsAfter(a -> ((ObjectNode) a.at("/spec/executor")).put("cores", "2")))
        .anyMatch(e -> e.contains("/spec/executor/cores"));
    assertThat(errorsAfter(a -> ((ObjectNode) a.get("spec")).put("sparkVersion", 3.5)))
        .anyMatch(e -> e.contains("/spec/sparkVersion"));
  }

  @Test
  @DisplayName("enums, minimums and required fields are enforced")
  void enumsMinimumsRequired() {
    assertThat(errorsAfter(a -> ((ObjectNode) a.get("spec")).put("type", "java")))
        .anyMatch(e -> e.contains("/spec/type"));
    assertThat(errorsAfter(a -> ((ObjectNode) a.at("/spec/restartPolicy")).put("type", "Forever")))
        .anyMatch(e -> e.contains("/spec/restartPolicy/type"));
    assertThat(errorsAfter(a -> ((ObjectNode) a.at("/spec/restartPolicy")).put("onFailureRetryInterval", 0)))
        .anyMatch(e -> e.contains("onFailureRetryInterval"));
    assertThat(errorsAfter(a -> ((ObjectNode) a.get("spec")).remove("sparkVersion")))
        .anyMatch(e -> e.contains("sparkVersion"));
    assertThat(errorsAfter(a -> ((ObjectNode) a.at("/spec/executor")).put("instances", 0)))
        .anyMatch(e -> e.contains("/spec/executor/instances"));
    assertThat(errorsAfter(a -> ((ObjectNode) a.at("/spec/executor")).putNull("cores")))
        .anyMatch(e -> e.contains("/spec/executor/cores"));
    assertThat(errorsAfter(a -> ((ObjectNode) a.at("/metadata")).put("name", "Stickers_Job")))
        .anyMatch(e -> e.contains("/metadata/name"));
  }

  @Test
  @DisplayName("sparkConf keys the operator's webhook refuses are refused")
  void forbiddenSparkConf() {
    assertThat(errorsAfter(a -> ((ObjectNode) a.at("/spec/sparkConf")).put("spark.master", "local[2]"))).isNotEmpty();
  }
}

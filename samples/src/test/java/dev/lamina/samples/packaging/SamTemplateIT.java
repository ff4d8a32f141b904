package dev.lamina.samples.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lamina.core.LambdaHandler;
import dev.lamina.idempotency.IdempotencyTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Keeps samples/template.yaml in step with the build: every code location it names is a package
 * this build produced, every handler it names is a Lamina handler class that exists, the
 * idempotency table has the layout Lamina creates locally, and permissions stay least-privilege.
 */
class SamTemplateIT {
  private static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

  @Test
  void everyFunctionAndLayer_pointsAtABuiltPackage_andAnExistingHandler() throws Exception {
    JsonNode resources = resources();
    List<String> checked = new ArrayList<>();

    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      JsonNode props = resource.getValue().get("Properties");
      String type = resource.getValue().get("Type").asText();
      if (type.equals("AWS::DynamoDB::Table")) {
        continue;
      }
      String uri = type.equals("AWS::Serverless::LayerVersion")
          ? props.get("ContentUri").asText() : props.get("CodeUri").asText();
      assertTrue(Files.isRegularFile(BASE.resolve(uri)), resource.getKey() + ": " + uri
          + " is not built; the template and samples/pom.xml disagree");
      if (type.equals("AWS::Serverless::Function")) {
        Class<?> handler = Class.forName(props.get("Handler").asText());
        assertTrue(LambdaHandler.class.isAssignableFrom(handler), handler.getName());
      }
      checked.add(resource.getKey());
    }

    assertEquals(List.of("LaminaLayer", "GreetingFunction", "GreetingOnLayerFunction",
        "PlaceOrderFunction"), checked);
  }

  @Test
  void idempotencyTable_matchesTheDefinitionLaminaCreatesLocally() throws Exception {
    JsonNode table = resources().get("IdempotencyTable").get("Properties");
    CreateTableRequest local = IdempotencyTable.definition("any");

    assertEquals(local.keySchema().get(0).attributeName(),
        table.get("KeySchema").get(0).get("AttributeName").asText());
    assertEquals("HASH", table.get("KeySchema").get(0).get("KeyType").asText());
    assertEquals(1, table.get("KeySchema").size());
    assertEquals("expiration", table.get("TimeToLiveSpecification").get("AttributeName").asText());
    assertTrue(table.get("TimeToLiveSpecification").get("Enabled").asBoolean());
  }

  @Test
  void onlyTheOrdersFunctionHasAPolicy_andItIsLimitedToTheProtocolsItemOperationsOnItsTable()
      throws Exception {
    JsonNode resources = resources();
    for (String greeting : List.of("GreetingFunction", "GreetingOnLayerFunction")) {
      assertFalse(resources.get(greeting).get("Properties").has("Policies"),
          greeting + " calls no AWS service and needs no policy beyond basic execution");
    }
    JsonNode statements = resources.get("PlaceOrderFunction").get("Properties").get("Policies")
        .get(0).get("Statement");

    assertEquals(1, statements.size());
    JsonNode statement = statements.get(0);
    assertEquals("Allow", statement.get("Effect").asText());
    List<String> actions = new ArrayList<>();
    statement.get("Action").forEach(a -> actions.add(a.asText()));
    assertEquals(List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem",
        "dynamodb:DeleteItem"), actions);
    assertTrue(statement.get("Resource").toString().contains("IdempotencyTable"),
        statement.toString());
  }

  private static JsonNode resources() throws java.io.IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    return yaml.readTree(BASE.resolve("template.yaml").toFile()).get("Resources");
  }
}

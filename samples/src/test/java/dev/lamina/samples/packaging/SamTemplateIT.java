package dev.lamina.samples.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lamina.core.LambdaHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps samples/template.yaml in step with the build: every code location it names is a package
 * this build produced, and every handler it names is a Lamina handler class that exists.
 */
class SamTemplateIT {
  private static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

  @Test
  void everyFunctionAndLayer_pointsAtABuiltPackage_andAnExistingHandler() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode resources = yaml.readTree(BASE.resolve("template.yaml").toFile()).get("Resources");
    List<String> checked = new ArrayList<>();

    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      JsonNode props = resource.getValue().get("Properties");
      String type = resource.getValue().get("Type").asText();
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

    assertEquals(List.of("LaminaLayer", "GreetingFunction", "GreetingOnLayerFunction"), checked);
    assertFalse(resources.toString().contains("Policies"),
        "the greeting functions call no AWS service and need no policy beyond basic execution");
  }
}

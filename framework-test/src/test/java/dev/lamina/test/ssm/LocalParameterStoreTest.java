package dev.lamina.test.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The local store driven by the real {@link SsmClient} over HTTP. */
class LocalParameterStoreTest {
  private LocalParameterStore store;
  private SsmClient ssm;

  @BeforeEach
  void start() {
    store = LocalParameterStore.start();
    ssm =
        SsmClient.builder()
            .endpointOverride(store.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
            .build();
  }

  @AfterEach
  void stop() {
    ssm.close();
    store.close();
  }

  @Test
  void getParameter_returnsWhatWasPut_withVersionAndArn() {
    store.put("/app/url", "https://example.com");
    store.put("/app/url", "https://example.org");

    Parameter p = ssm.getParameter(r -> r.name("/app/url")).parameter();

    assertEquals("https://example.org", p.value());
    assertEquals(ParameterType.STRING, p.type());
    assertEquals(2L, p.version());
    assertEquals("arn:aws:ssm:us-east-1:123456789012:parameter/app/url", p.arn());
    assertTrue(p.lastModifiedDate() != null);
  }

  @Test
  void getParameter_ofAnUnknownName_isParameterNotFound() {
    assertThrows(ParameterNotFoundException.class, () -> ssm.getParameter(r -> r.name("/nope")));
    assertEquals(400, store.requests().get(0).status());
    assertEquals("ParameterNotFound", store.requests().get(0).errorType());
  }

  @Test
  void secureString_isClearOnlyWithDecryption() {
    store.put("/app/password", "hunter2", dev.lamina.test.ssm.ParameterType.SECURE_STRING);

    String clear =
        ssm.getParameter(r -> r.name("/app/password").withDecryption(true)).parameter().value();
    String cipher =
        ssm.getParameter(r -> r.name("/app/password").withDecryption(false)).parameter().value();

    assertEquals("hunter2", clear);
    assertFalse(cipher.contains("hunter2"), cipher);
    assertTrue(store.requests().get(0).withDecryption());
    assertFalse(store.requests().get(1).withDecryption());
  }

  @Test
  void getParameters_reportsUnknownNamesInInvalidParameters() {
    store.put("/a", "1");
    store.put("/b", "2");

    GetParametersResponse r = ssm.getParameters(b -> b.names("/a", "/missing", "/b"));

    assertEquals(
        List.of("/a", "/b"), r.parameters().stream().map(Parameter::name).sorted().toList());
    assertEquals(List.of("/missing"), r.invalidParameters());
    assertEquals(List.of("/a", "/missing", "/b"), store.requests().get(0).names());
  }

  @Test
  void getParameters_withMoreThanTenNames_isRejectedAsSsmDoes() {
    List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "/p" + i).toList();

    SsmException e =
        assertThrows(SsmException.class, () -> ssm.getParameters(b -> b.names(eleven)));

    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
  }

  @Test
  void getParametersByPath_pagesWithNextToken_andRecursesOnlyWhenAsked() {
    for (int i = 0; i < 23; i++) {
      store.put(String.format("/svc/k%02d", i), "v" + i);
    }
    store.put("/svc/deep/x", "x");
    store.put("/svcother", "not under /svc");

    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String t = token;
      GetParametersByPathResponse page =
          ssm.getParametersByPath(r -> r.path("/svc").recursive(true).nextToken(t));
      page.parameters().forEach(p -> names.add(p.name()));
      token = page.nextToken();
      pages++;
    } while (token != null);
    List<String> direct =
        ssm
            .getParametersByPath(r -> r.path("/svc").recursive(false).maxResults(10))
            .parameters()
            .stream()
            .map(Parameter::name)
            .collect(Collectors.toList());

    assertEquals(3, pages);
    assertEquals(24, names.size());
    assertTrue(names.contains("/svc/deep/x"));
    assertFalse(names.contains("/svcother"));
    assertFalse(direct.contains("/svc/deep/x"));
    List<SsmRequest> log = store.requests("GetParametersByPath");
    assertNull(log.get(0).nextToken());
    assertTrue(log.get(1).nextToken() != null);
    assertEquals("/svc", log.get(0).path());
  }

  @Test
  void throttledRequests_areRetriedByTheClient_andLogged() {
    store.put("/a", "1");
    store.throttleNext(2);

    assertEquals("1", ssm.getParameter(r -> r.name("/a")).parameter().value());

    List<SsmRequest> log = store.requests();
    assertEquals(3, log.size());
    assertEquals("ThrottlingException", log.get(0).errorType());
    assertEquals("ThrottlingException", log.get(1).errorType());
    assertTrue(log.get(2).succeeded());
  }

  @Test
  void injectedFault_reachesTheClientAsItsErrorCode() {
    store.failNext(1, "AccessDeniedException");

    SsmException e = assertThrows(SsmException.class, () -> ssm.getParameter(r -> r.name("/a")));

    assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
  }

  @Test
  void putParameter_overHttp_seedsTheStore_andRefusesOverwriteUnlessAsked() {
    ssm.putParameter(r -> r.name("/seeded").value("one").type(ParameterType.SECURE_STRING));

    assertThrows(
        ParameterAlreadyExistsException.class,
        () -> ssm.putParameter(r -> r.name("/seeded").value("two").type(ParameterType.STRING)));
    ssm.putParameter(
        r -> r.name("/seeded").value("three").type(ParameterType.STRING).overwrite(true));

    Parameter p = ssm.getParameter(r -> r.name("/seeded")).parameter();
    assertEquals("three", p.value());
    assertEquals(2L, p.version());
  }

  @Test
  void builder_rejectsAPageSizeOutsideSsmsLimits() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LocalParameterStore.builder().pageSize(11).start());
    assertTrue(e.getMessage().contains("[pageSize]"), e.getMessage());
  }

  @Test
  void extensionGet_servesTheParameter_withTheSessionTokenHeader_andIsLogged() throws Exception {
    store.put("/app/password", "hunter2", dev.lamina.test.ssm.ParameterType.SECURE_STRING);
    java.net.HttpURLConnection ok = extensionGet("/app/password", "token");
    java.net.HttpURLConnection missing = extensionGet("/nope", "token");
    java.net.HttpURLConnection noToken = extensionGet("/app/password", null);

    assertEquals(200, ok.getResponseCode());
    String body =
        new String(ok.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(body.contains("\"Value\":\"hunter2\""), body);
    assertEquals(400, missing.getResponseCode());
    assertEquals(401, noToken.getResponseCode());
    List<SsmRequest> log = store.requests(LocalParameterStore.EXTENSION_GET);
    assertEquals(3, log.size());
    assertEquals(List.of("/app/password"), log.get(0).names());
    assertEquals("ParameterNotFound", log.get(1).errorType());
  }

  private java.net.HttpURLConnection extensionGet(String name, String token) throws Exception {
    java.net.URL url =
        java.net
            .URI
            .create(
                "http://localhost:"
                    + store.port()
                    + "/systemsmanager/parameters/get?withDecryption=true&name="
                    + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
            .toURL();
    java.net.HttpURLConnection c = (java.net.HttpURLConnection) url.openConnection();
    if (token != null) {
      c.setRequestProperty("X-Aws-Parameters-Secrets-Token", token);
    }
    return c;
  }
}

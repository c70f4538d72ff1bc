package dev.remedia.runbooks.certrenewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.remedia.workflows.certs.ChallengeType;
import dev.remedia.workflows.runbook.InputSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertRenewalInputTest {

  @Test
  void defaultsComeFromTheEndpoint() {
    CertRenewalInput input = new CertRenewalInput("Web.Example.org:443", null, null, null, "web", null, null, null, null, null);

    assertEquals("web.example.org:443", input.endpoint());
    assertEquals("web.example.org", input.sni());
    assertEquals(List.of("web.example.org"), input.domains());
    assertEquals(ChallengeType.HTTP_01, input.challenge());
    assertFalse(input.force());
    assertEquals(72, input.pageBeforeExpiryHours());
    assertEquals(120, input.verifyTimeoutSeconds());
    assertEquals("cert-renewal:web.example.org:443", input.exclusiveKey());
  }

  @Test
  void whatCannotWorkIsRefusedNamingTheField() {
    assertEquals("endpoint is required", refused(null, List.of(), ChallengeType.HTTP_01, "web"));
    assertEquals("endpoint must be host:port, like web.example.org:443", refused("web.example.org", null, null, "web"));
    assertEquals("endpoint: 'bad_host' is not a host name", refused("bad_host:443", null, null, "web"));
    assertEquals("endpoint must end with a port from 1 to 65535, like :443", refused("web.example.org:0", null, null, "web"));
    assertEquals("domains: 'localhost' is not a fully qualified domain name", refused("a.example.org:443", List.of("localhost"), null, "web"));
    assertEquals("domains: a wildcard name needs challenge DNS_01", refused("a.example.org:443", List.of("*.example.org"), ChallengeType.HTTP_01, "web"));
    assertEquals("deployTarget is required", refused("a.example.org:443", null, null, null));
  }

  @Test
  void theSchemaDescribesTheFieldsAndTheKeyIsNotPartOfTheJson() throws Exception {
    var schema = InputSchema.of(CertRenewalInput.class);
    String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(
        new CertRenewalInput("a.example.org:443", null, null, null, "web", null, null, null, null, null));

    assertEquals(false, new ObjectMapper().valueToTree(schema).toString().contains("exclusiveKey"));
    assertFalse(json.contains("exclusiveKey"), json);
  }

  private static String refused(String endpoint, List<String> domains, ChallengeType challenge, String target) {
    return assertThrows(
            IllegalArgumentException.class,
            () -> new CertRenewalInput(endpoint, null, domains, challenge, target, null, null, null, null, null))
        .getMessage();
  }
}

package dev.remedia.api.twilio;

import com.twilio.security.RequestValidator;
import dev.remedia.activities.paging.twilio.TwilioCallbacks;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.config.TwilioSettings;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.requests.RemoteAddress;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Proves a callback came from Twilio before anything acts on it: {@code X-Twilio-Signature} must be the
 * HMAC-SHA1, keyed with the auth token, of the public URL Twilio called (with its query) followed by
 * the sorted form parameters. Refusals are answered 401, as the webhooks' are, and audited with the
 * reason.
 */
@Singleton
@Requires(condition = TwilioConfigured.class)
class TwilioRequests {

  static final String SIGNATURE_HEADER = "X-Twilio-Signature";


  private final String publicUrl;
  private final RequestValidator validator;
  private final AuditTrail audit;

  TwilioRequests(TwilioSettings settings, AuditTrail audit) {
    this.publicUrl = settings.publicUrl();
    this.validator = new RequestValidator(settings.authToken());
    this.audit = audit;
  }

  /** The callback's form parameters, once its signature checks out. */
  Map<String, String> verified(HttpRequest<?> request, byte[] body) {
    String path = request.getUri().getRawPath();
    String signature = request.getHeaders().get(SIGNATURE_HEADER);
    if (signature == null || signature.isBlank()) {
      throw refused(request, "missing " + SIGNATURE_HEADER + " header");
    }
    Map<String, String> form;
    try {
      form = FormBody.parse(body == null ? new byte[0] : body);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
    String query = request.getUri().getRawQuery();
    String url = TwilioCallbacks.url(publicUrl, path) + (query == null ? "" : "?" + query);
    if (!validator.validate(url, form, signature.strip())) {
      throw refused(
          request,
          "the " + SIGNATURE_HEADER + " signature does not match " + url
              + " and the form; REMEDIA_PUBLIC_URL must be exactly the base URL Twilio calls");
    }
    return form;
  }

  /** A parameter every genuine callback of this kind carries. */
  static String required(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null || value.isBlank()) {
      throw ApiProblem.badRequest("the form has no '" + name + "' parameter");
    }
    return value;
  }

  // A refusal is answered whether or not it could be audited: the caller must hear 401 either way.
  private ApiProblem refused(HttpRequest<?> request, String reason) {
    String path = request.getUri().getRawPath();
    String remoteAddress = RemoteAddress.of(request);
    audit.record("twilio", "twilio.refused", "twilio-callback", path, remoteAddress, "refused", Map.of("reason", reason));
    return ApiProblem.unauthorized(reason);
  }
}

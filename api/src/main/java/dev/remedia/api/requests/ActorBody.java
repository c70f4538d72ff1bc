package dev.remedia.api.requests;

import java.util.Optional;
import java.util.Set;

/** The optional body {"by": "alice"} of an action that a person takes through the API. */
public final class ActorBody {

  private static final int MAX_NAME_CHARS = 100;

  private ActorBody() {}

  /** Who acts, when the body names them; a body that is not {"by": "<name>"} is a 400. */
  public static Optional<String> by(String body) {
    return JsonBody.parse(body, Set.of("by"), "{\"by\": \"<person>\"}").text("by", MAX_NAME_CHARS, false);
  }
}

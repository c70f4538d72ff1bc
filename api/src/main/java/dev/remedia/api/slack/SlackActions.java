package dev.remedia.api.slack;

import dev.remedia.api.problem.ApiProblem;
import jakarta.inject.Singleton;
import java.util.List;

/** Hands a click to the handler of its {@code action_id}'s prefix. */
@Singleton
class SlackActions {

  private final List<SlackActionHandler> handlers;

  SlackActions(List<SlackActionHandler> handlers) {
    this.handlers = handlers;
  }

  void dispatch(SlackInteraction interaction) {
    handlers.stream()
        .filter(handler -> interaction.actionId().startsWith(handler.prefix()))
        .findFirst()
        .orElseThrow(
            () ->
                ApiProblem.badRequest(
                    "unknown action_id '" + interaction.actionId() + "'; Remedia handles "
                        + handlers.stream().map(h -> h.prefix() + "*").sorted().toList()))
        .handle(interaction);
  }
}

package dev.remedia.api.slack;

/**
 * Handles the buttons whose {@code action_id} starts with {@link #prefix()}: pages' buttons today,
 * approvals' tomorrow. It must answer within Slack's three seconds.
 */
interface SlackActionHandler {

  /** The action ids handled, such as {@code "page."}. */
  String prefix();

  /** Throws an {@code ApiProblem} for an action it does not know. */
  void handle(SlackInteraction interaction);
}

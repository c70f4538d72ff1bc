package dev.remedia.activities.store;

import java.util.UUID;

/**
 * An alert as the read model holds it: what the webhook stored, and what its incident made of it.
 *
 * @param incidentId null until its incident links it
 * @param duplicate whether the incident saw it as a repeat of a notification it had just counted
 */
public record StoredAlert(NewAlert received, UUID incidentId, boolean duplicate) {}

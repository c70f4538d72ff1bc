package dev.remedia.api.approvals;

import dev.remedia.activities.approval.ApprovalActivitiesImpl;
import dev.remedia.activities.approval.ApprovalLinks;
import dev.remedia.activities.approval.ApprovalMessenger;
import dev.remedia.activities.store.ApprovalStore;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.api.config.TwilioSettings;
import dev.remedia.api.operator.OperatorConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;

/** Puts approvals together: the store, and the activities the gate calls, asking in Slack when configured. */
@Factory
class ApprovalFactory {

  @Singleton
  ApprovalStore approvalStore(DSLContext dsl) {
    return new ApprovalStore(dsl);
  }

  /** Without Slack the requests are only in the API: {@code GET /api/approvals?status=PENDING}. */
  @Singleton
  ApprovalActivitiesImpl approvalActivities(
      ApprovalStore store,
      OperatorConfig config,
      List<ApprovalMessenger> messengers,
      TwilioSettings publicUrl,
      AuditLog audit) {
    ApprovalMessenger messenger = messengers.isEmpty() ? ApprovalMessenger.NONE : messengers.get(0);
    return new ApprovalActivitiesImpl(
        store, config::onCall, messenger, new ApprovalLinks(publicUrl.publicUrl()), audit, Clock.systemUTC());
  }
}

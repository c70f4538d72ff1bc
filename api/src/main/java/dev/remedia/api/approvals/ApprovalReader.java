package dev.remedia.api.approvals;

import dev.remedia.activities.store.ApprovalListing;
import dev.remedia.activities.store.ApprovalQuery;
import dev.remedia.activities.store.ApprovalStore;
import dev.remedia.activities.store.StoredApproval;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.query.QueryParameters;
import dev.remedia.api.requests.Ids;
import dev.remedia.workflows.approval.ApprovalRequest;
import dev.remedia.workflows.approval.ApprovalStatus;
import jakarta.inject.Singleton;

/** Gates from the read model, for the API. */
@Singleton
class ApprovalReader {

  private final ApprovalStore store;

  ApprovalReader(ApprovalStore store) {
    this.store = store;
  }

  ApprovalView.Listing list(String status, String limit, String cursor) {
    ApprovalQuery query =
        new ApprovalQuery(
            QueryParameters.oneOf("status", status, ApprovalStatus.class),
            QueryParameters.limit(limit, ApprovalQuery.MAX_LIMIT),
            QueryParameters.cursor(cursor));
    ApprovalListing listing = QueryParameters.listed(() -> store.list(query));
    return new ApprovalView.Listing(
        listing.approvals().stream().map(ApprovalReader::view).toList(),
        listing.next() == null ? null : listing.next().encode());
  }

  ApprovalView find(String id) {
    if (Ids.uuid(id).isEmpty()) {
      throw ApiProblem.notFound("no approval with that id; approval ids are UUIDs");
    }
    return store
        .find(id)
        .map(ApprovalReader::view)
        .orElseThrow(() -> ApiProblem.notFound("no approval with id '" + id + "'"));
  }

  private static ApprovalView view(StoredApproval approval) {
    ApprovalRequest request = approval.request();
    return new ApprovalView(
        approval.id(), approval.runId(), request.title(), request.action(), request.reason(),
        request.blastRadius(), request.links(), request.approvers(), approval.approvers(),
        request.required(), request.requester(), approval.status().name(), approval.createdAt(),
        approval.deadlineAt(), approval.escalatedAt(), approval.decidedAt(), approval.outcomeText(),
        approval.votes().stream().map(ApprovalView.Vote::of).toList());
  }
}

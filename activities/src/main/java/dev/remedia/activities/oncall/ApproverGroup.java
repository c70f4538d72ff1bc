package dev.remedia.activities.oncall;

import dev.remedia.workflows.paging.PageTarget;
import java.util.List;

/**
 * People who may decide approvals, from the operator configuration.
 *
 * @param members people, and schedules whose on-call person is a member while on call
 * @param slackChannel where requests are posted, or null to ask each member directly
 */
public record ApproverGroup(String name, List<PageTarget> members, String slackChannel) {

  public ApproverGroup {
    members = List.copyOf(members);
  }
}

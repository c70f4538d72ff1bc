package dev.remedia.activities.certs;

import dev.remedia.activities.store.AcmeOrderStore;
import dev.remedia.activities.store.AcmeOrderStore.StoredOrder;
import dev.remedia.workflows.certs.DeployActivities;
import dev.remedia.workflows.runbook.FailureType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Installs a run's certificate on a configured target, reading the key from the store, not from history. */
public final class DeployActivitiesImpl implements DeployActivities {

  private final Map<String, DeployTarget> targets;
  private final AcmeOrderStore orders;

  public DeployActivitiesImpl(List<DeployTarget> targets, AcmeOrderStore orders) {
    this.targets = targets.stream().collect(Collectors.toUnmodifiableMap(DeployTarget::name, Function.identity()));
    this.orders = orders;
  }

  @Override
  public String describe(String target) {
    return target(target).describe();
  }

  @Override
  public DeployReport deploy(DeployRequest request) {
    DeployTarget target = target(request.target());
    StoredOrder order =
        orders.find(request.runId())
            .filter(o -> o.chainPem() != null && o.keyPem() != null)
            .orElseThrow(
                () -> FailureType.DEPLOY_FAILED.permanent("run " + request.runId() + " has no issued certificate to deploy"));
    try {
      return new DeployReport(target.install(order.chainPem(), order.keyPem()));
    } catch (DeployTarget.DeployException e) {
      throw FailureType.DEPLOY_FAILED.permanent(e.getMessage());
    }
  }

  @Override
  public DeployReport rollback(DeployRequest request) {
    try {
      String detail = target(request.target()).rollback();
      orders.forgetKey(request.runId());
      return new DeployReport(detail);
    } catch (DeployTarget.DeployException e) {
      throw FailureType.DEPLOY_FAILED.permanent(e.getMessage());
    }
  }

  private DeployTarget target(String name) {
    DeployTarget target = targets.get(name);
    if (target == null) {
      throw FailureType.INVALID_INPUT.permanent(
          "no deploy target named '" + name + "'; configured: " + targets.keySet().stream().sorted().toList());
    }
    return target;
  }
}

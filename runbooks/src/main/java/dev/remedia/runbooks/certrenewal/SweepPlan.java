package dev.remedia.runbooks.certrenewal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What the sweep watches, from the configuration's {@code certificates.inventory}, and how often. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SweepPlan(List<CertRenewalInput> inventory, long intervalSeconds) {

  public SweepPlan {
    inventory = inventory == null ? List.of() : List.copyOf(inventory);
    if (intervalSeconds < 60) {
      throw new IllegalArgumentException("the sweep interval must be at least a minute");
    }
  }
}

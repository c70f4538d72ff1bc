package dev.remedia.api.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API token may do. Roles form two chains that meet at the top and bottom: admin ⊇ operator ⊇
 * viewer and admin ⊇ approver ⊇ viewer. Operator and approver are kept apart on purpose: the people
 * who may approve a risky step are a different set from those who run things (and an approval gate
 * refuses the requester anyway), so neither role implies the other.
 */
public enum Role {
  /** Reads everything under /api. */
  VIEWER,
  /** Viewer, and triggers runs, acknowledges, resolves, pauses and cancels. */
  OPERATOR,
  /** Viewer, and decides approvals (where the approver group also allows the person). */
  APPROVER,
  /** Everything, including managing tokens and acting for someone else. */
  ADMIN;

  /** The role's name as the API spells it: {@code viewer}, {@code operator}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a token with this role may do what {@code needed} may. */
  public boolean allows(Role needed) {
    return this == needed || this == ADMIN || needed == VIEWER;
  }

  public static Optional<Role> fromId(String id) {
    return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst();
  }

  /** The role names, for messages: {@code viewer, operator, approver, admin}. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Role::id).toList());
  }
}

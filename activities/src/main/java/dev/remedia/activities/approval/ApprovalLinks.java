package dev.remedia.activities.approval;

/** Where a person reads an approval in Remedia's API, when Remedia knows its public URL. */
public record ApprovalLinks(String publicUrl) {

  /** The approval's API address, or null without a public URL. */
  public String approval(String approvalId) {
    if (publicUrl == null || publicUrl.isBlank()) {
      return null;
    }
    String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + "/api/approvals/" + approvalId;
  }
}

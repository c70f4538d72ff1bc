package dev.remedia.activities.paging;

/** What a channel's failure says, fit for logs, the read model and Temporal's history. */
final class ChannelMessages {

  private ChannelMessages() {}

  /** Vendors' messages may quote the number they refused; it must not be repeated anywhere. */
  static String reason(ChannelException failure, String address) {
    return String.valueOf(failure.getMessage()).replace(address, "<address>");
  }
}

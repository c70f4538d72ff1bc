package dev.remedia.activities.store;

import java.util.regex.Pattern;

/** Keeps passwords out of log lines and error messages that show a JDBC URL. */
final class JdbcUrls {

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  private JdbcUrls() {}

  static String redact(String url) {
    String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(withoutParameter).replaceAll("//***@");
  }
}

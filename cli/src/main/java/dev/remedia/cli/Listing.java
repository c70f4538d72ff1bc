package dev.remedia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** A page of a listing: {@code {"items": [...], "next": "..."}} as the API answers, or a bare array. */
public record Listing(JsonNode items, String next) {

  public static Listing of(JsonNode answer) {
    if (answer.isArray()) {
      return new Listing(answer, null);
    }
    JsonNode next = answer.path("next");
    return new Listing(answer.path("items"), next.isTextual() ? next.asText() : null);
  }

  /** Prints the table, or {@code nothing} when the page is empty, then how to ask for the next page. */
  public void print(PrintWriter out, Table table, String nothing) {
    if (items.isEmpty()) {
      out.println(nothing);
    } else {
      table.print(out);
    }
    if (next != null) {
      out.println("More: add --cursor " + next);
    }
  }
}

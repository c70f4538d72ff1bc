package dev.remedia.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Prints free TCP ports, one per line, for the benchmark scripts to start Remedia on. */
public final class FreePort {

  public static void main(String[] args) throws IOException {
    int count = args.length == 0 ? 1 : Integer.parseInt(args[0]);
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        held.add(socket);
        System.out.println(socket.getLocalPort());
      }
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
  }
}

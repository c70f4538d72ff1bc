package dev.remedia.api.temporal;

import java.io.Closeable;
import java.lang.reflect.Field;

/**
 * Reaches into Temporal's Java test server, for the dev-mode workarounds of its defects
 * ({@link DevServerLockLog}, {@link DevServerTaskOrder}). Each caller falls back to leaving the server
 * as it is when a field is not where this SDK version keeps it.
 */
final class DevServerInternals {

  private DevServerInternals() {}

  /** One of the services the server that {@code TestServer.createPortBoundServer} returned started. */
  static Object service(Closeable portBoundServer, String name) throws ReflectiveOperationException {
    Object starter = field(portBoundServer.getClass(), "testServicesStarter").get(portBoundServer);
    return field(starter.getClass(), name).get(starter);
  }

  /** A declared field, made accessible. */
  static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}

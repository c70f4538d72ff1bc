package dev.remedia.api.temporal;

import java.io.Closeable;
import java.lang.reflect.Field;
import java.util.LinkedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the dev server from slowing down the longer it runs. Temporal's Java test server (1.38) keeps a
 * log of its time-skipping lock events, for the diagnostics it prints on an unbalanced unlock. Every
 * lock and unlock appends an event; only the events of lock handles are ever taken out, with
 * {@link LinkedList#remove(Object)}, which scans from the oldest. Locks and unlocks by name come with
 * activity completions, child starts and external signals and are never taken out, so the log grows
 * without end (about 54,000 events after one paging benchmark), and every workflow update scans it
 * while holding the server's timer lock. Under a storm of incidents that serialised the whole server,
 * and workflow tasks waited tens of seconds to be handed out.
 *
 * <p>This log replaces the server's list. It keeps only the newest events, enough for the diagnostics,
 * and takes a handle's event out from the newest end, where it is. A handle whose event has already
 * aged out unlocks as usual: the server's lock counter, not this log, is what guards the balance. Dev
 * mode only. {@code DevServerLockLogTest} fails once an SDK upgrade fixes or reshapes the leak, so that
 * this can go.
 */
final class DevServerLockLog extends LinkedList<Object> {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.temporal");
  private static final long serialVersionUID = 1L;

  /** Events kept for the server's diagnostics; the newest are the ones that explain an imbalance. */
  static final int KEPT = 1_000;

  private static final String TIMER = "selfAdvancingTimer";

  private DevServerLockLog() {}

  /**
   * Puts this log into the server that {@code TestServer.createPortBoundServer} returned, before the
   * server takes work. When the server is not shaped as expected, it logs a warning and leaves the
   * server as it is, which then only gets slower over time.
   */
  static void install(Closeable portBoundServer) {
    try {
      Object timer = DevServerInternals.service(portBoundServer, TIMER);
      Field events = lockEvents(timer);
      DevServerLockLog log = new DevServerLockLog();
      log.addAll((LinkedList<?>) events.get(timer));
      events.set(timer, log);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("Temporal dev server: its lock log could not be bounded ({}); it will slow down as it runs", e.toString());
    }
  }

  /** The events in the server's lock log now; for tests. */
  static int size(Closeable portBoundServer) throws ReflectiveOperationException {
    Object timer = DevServerInternals.service(portBoundServer, TIMER);
    return ((LinkedList<?>) lockEvents(timer).get(timer)).size();
  }

  private static Field lockEvents(Object timer) throws NoSuchFieldException {
    return DevServerInternals.field(timer.getClass(), "lockEvents");
  }

  @Override
  public boolean add(Object event) {
    super.add(event);
    if (size() > KEPT) {
      removeFirst();
    }
    return true;
  }

  @Override
  public boolean remove(Object event) {
    removeLastOccurrence(event);
    return true;
  }
}

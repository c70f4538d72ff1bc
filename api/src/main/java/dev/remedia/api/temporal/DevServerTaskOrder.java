package dev.remedia.api.temporal;

import java.io.Closeable;
import java.lang.reflect.Field;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the dev server hand out tasks of equal priority oldest first, as a Temporal server does.
 * Temporal's Java test server (1.38) keeps each task queue's backlog in a {@link PriorityQueue}
 * ordered by priority key alone, and a heap hands out equal elements in no useful order: mostly the
 * newest first. While a storm keeps adding tasks, an early one can wait many seconds: in one paging
 * benchmark run, levels fired up to 12 s late while acknowledgements kept arriving, most likely
 * their workflow tasks waiting in such a backlog.
 *
 * <p>The server creates a task queue the first time it is used and puts it into a map. This swaps
 * those maps for ones that give every task queue put into them a backlog ordered by priority, then by
 * arrival. Dev mode only. {@code DevServerTaskOrderTest} fails once an SDK upgrade makes the server's
 * own order first-in first-out, so that this can go.
 */
final class DevServerTaskOrder {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.temporal");

  private DevServerTaskOrder() {}

  /**
   * Orders the backlogs of the server that {@code TestServer.createPortBoundServer} returned, before
   * the server takes work. When the server is not shaped as expected, it logs a warning and leaves the
   * server as it is.
   */
  static void install(Closeable portBoundServer) {
    try {
      Object store = DevServerInternals.service(portBoundServer, "workflowStore");
      Field backlog =
          DevServerInternals.field(Class.forName("io.temporal.internal.testservice.TaskQueue"), "backlog");
      for (String queues : new String[] {"workflowTaskQueues", "activityTaskQueues"}) {
        Field map = DevServerInternals.field(store.getClass(), queues);
        OrderingMap ordering = new OrderingMap(backlog);
        // One by one, through put: HashMap.putAll would bypass it and leave these queues unordered.
        ((Map<?, ?>) map.get(store)).forEach(ordering::put);
        map.set(store, ordering);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("Temporal dev server: its task order could not be fixed ({}); a storm may starve tasks", e.toString());
    }
  }

  /** The server's map of task queues, giving each task queue put into it an ordered backlog. */
  private static final class OrderingMap extends HashMap<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final transient Field backlog;

    OrderingMap(Field backlog) {
      this.backlog = backlog;
    }

    @Override
    public Object put(Object id, Object taskQueue) {
      try {
        @SuppressWarnings("unchecked")
        PriorityQueue<Object> current = (PriorityQueue<Object>) backlog.get(taskQueue);
        if (!(current instanceof ArrivalOrderedBacklog)) {
          ArrivalOrderedBacklog<Object> ordered = ArrivalOrderedBacklog.of(current.comparator());
          ordered.addAll(current);
          backlog.set(taskQueue, ordered);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot order the backlog of task queue " + id, e);
      }
      return super.put(id, taskQueue);
    }
  }

  /**
   * A backlog ordered by the server's comparator (the priority key), then by arrival. Used only under
   * the task queue's own lock, as the server's backlog is.
   */
  static final class ArrivalOrderedBacklog<E> extends PriorityQueue<E> {
    private static final long serialVersionUID = 1L;
    private final transient Map<E, Long> arrivals;
    private long next;

    private ArrivalOrderedBacklog(Comparator<? super E> order, Map<E, Long> arrivals) {
      super(order);
      this.arrivals = arrivals;
    }

    static <E> ArrivalOrderedBacklog<E> of(Comparator<? super E> byPriority) {
      Map<E, Long> arrivals = new IdentityHashMap<>();
      Comparator<E> byArrival = Comparator.comparingLong(arrivals::get);
      Comparator<E> order =
          byPriority == null ? byArrival : (a, b) -> {
            int priority = byPriority.compare(a, b);
            return priority != 0 ? priority : byArrival.compare(a, b);
          };
      return new ArrivalOrderedBacklog<>(order, arrivals);
    }

    @Override
    public boolean offer(E element) {
      arrivals.put(element, next++);
      return super.offer(element);
    }

    @Override
    public E poll() {
      E element = super.poll();
      if (element != null) {
        arrivals.remove(element);
      }
      return element;
    }
  }
}

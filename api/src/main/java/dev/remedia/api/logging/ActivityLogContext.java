package dev.remedia.api.logging;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the ids of the work into the MDC while each activity (and local activity) runs, so every line it
 * logs says which incident, run or approval it was for; the thread's MDC is restored afterwards, since
 * worker threads are reused.
 */
public final class ActivityLogContext extends WorkerInterceptorBase {

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityInfo info;

      @Override
      public void init(ActivityExecutionContext context) {
        info = context.getInfo();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        LogContext.ofWorkflow(info.getWorkflowType(), info.getWorkflowId()).forEach(MDC::put);
        try {
          return super.execute(input);
        } finally {
          if (before == null) {
            MDC.clear();
          } else {
            MDC.setContextMap(before);
          }
        }
      }
    };
  }
}

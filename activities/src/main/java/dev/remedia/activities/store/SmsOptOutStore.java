package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.SMS_OPT_OUTS;

import java.time.Instant;
import org.jooq.DSLContext;

/** Numbers that sent STOP. Twilio refuses to text them; Remedia skips them and says so. */
public final class SmsOptOutStore {

  private final DSLContext db;

  public SmsOptOutStore(DSLContext db) {
    this.db = db;
  }

  /** Records a STOP; a repeat keeps the first time. */
  public void optOut(String phone, Instant at) {
    db.insertInto(SMS_OPT_OUTS)
        .set(SMS_OPT_OUTS.PHONE, phone)
        .set(SMS_OPT_OUTS.OPTED_OUT_AT, utc(at))
        .onConflictDoNothing()
        .execute();
  }

  /** Records a START. */
  public void optIn(String phone) {
    db.deleteFrom(SMS_OPT_OUTS).where(SMS_OPT_OUTS.PHONE.eq(phone)).execute();
  }

  public boolean optedOut(String phone) {
    return db.fetchExists(SMS_OPT_OUTS, SMS_OPT_OUTS.PHONE.eq(phone));
  }
}

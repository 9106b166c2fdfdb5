package org.zugong.platform;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The state of the demo-data load, shown on the login page and in the header while it runs. */
@Component
public class DemoDataStatus {

  /**
   * @param state IDLE (nothing to load), LOADING, DONE or FAILED
   */
  public record Snapshot(String state, int partsDone, int partsTotal, String currentPart) {
    public int percent() {
      return partsTotal == 0 ? 100 : partsDone * 100 / partsTotal;
    }

    public boolean loading() {
      return state.equals("LOADING");
    }
  }

  private final AtomicReference<Snapshot> snapshot =
      new AtomicReference<>(new Snapshot("IDLE", 0, 0, ""));

  public Snapshot snapshot() {
    return snapshot.get();
  }

  void update(Snapshot next) {
    snapshot.set(next);
  }
}

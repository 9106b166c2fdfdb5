package org.zugong.member.mobile;

import java.time.LocalDate;

/** The TRACK step (动态管理): the member moved somewhere else, or came home. */
public sealed interface TrackEvent {

  LocalDate on();

  /** Moved to another place, or settled where they were; the new whereabouts start that day. */
  record Moved(Whereabouts to) implements TrackEvent {
    @Override
    public LocalDate on() {
      return to.since();
    }
  }

  /** Came back to the relationship's region: mobility ends that day. */
  record Returned(LocalDate on) implements TrackEvent {}
}

package org.zugong.talent;

/** One kind of the "10+10" direct track (直通车), as data. */
public record DirectTrackKind(String code, Track track, Tier tier, String nameZh, String nameEn) {

  public enum Track {
    /** Certified directly. */
    DIRECT_CERTIFICATION,
    /** Sent straight to the final review. */
    FINAL_REVIEW
  }
}

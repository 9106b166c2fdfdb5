package org.zugong.member.transfer;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a user asks for when starting a transfer, one shape per kind, as entered: the rules check it
 * in {@link Transfer#canSubmit}.
 */
public sealed interface TransferRequest {

  long memberId();

  TransferKind kind();

  /**
   * A transfer between two organizations of the city, submitted by the source. The system issues an
   * electronic letter on submission, valid until {@code validUntil}.
   */
  record WithinCity(
      long memberId,
      long sourceId,
      long targetId,
      OrganizationKind targetKind,
      LocalDate validUntil)
      implements TransferRequest {

    @Override
    public TransferKind kind() {
      return TransferKind.WITHIN_CITY;
    }
  }

  /**
   * A transfer to an organization outside the city, submitted by the source; its paper letter is
   * issued later, see {@link Transfer#issueLetter}.
   */
  record OutOfCity(long memberId, long sourceId, @Nullable String targetName)
      implements TransferRequest {

    @Override
    public TransferKind kind() {
      return TransferKind.OUT_OF_CITY;
    }
  }

  /**
   * A transfer from an organization outside the city, registered from the paper letter it issued.
   * The source cannot act in this system, so the organization of the city that registers the letter
   * (the registrar: usually the committee above the target, or the target itself) acts in its
   * place: it may cancel the transfer and sees it among its outgoing work.
   */
  record IntoCity(
      long memberId,
      @Nullable String sourceName,
      long targetId,
      OrganizationKind targetKind,
      long registrarId,
      @Nullable String letterNumber,
      LocalDate letterIssuedOn,
      LocalDate letterValidUntil)
      implements TransferRequest {

    @Override
    public TransferKind kind() {
      return TransferKind.INTO_CITY;
    }
  }
}

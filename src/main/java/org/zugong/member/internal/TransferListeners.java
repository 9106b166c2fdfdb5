package org.zugong.member.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zugong.organization.DissolutionCheck;
import org.zugong.organization.OrganizationMerged;
import org.zugong.organization.OrganizationMoved;

/**
 * Keeps transfers in step with the tree, in the transaction that changed it: their paths move with
 * their organizations and members, and an organization with open transfers is not dissolved.
 */
@Component
class TransferListeners implements DissolutionCheck {

  private final JdbcClient jdbc;

  TransferListeners(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(OrganizationMoved e) {
    for (String table : List.of("member_transfer", "member_transfer_event")) {
      for (String column : List.of("source_path", "target_path", "scope_path")) {
        jdbc.sql(
                "update "
                    + table
                    + " set "
                    + column
                    + " = :new || substr("
                    + column
                    + ", length(:old) + 1) where starts_with("
                    + column
                    + ", :old)")
            .param("new", e.newPath())
            .param("old", e.oldPath())
            .update();
      }
    }
  }

  @EventListener
  void on(OrganizationMerged e) {
    // The merged organization's members now belong to the target, and so do their transfers.
    for (String table : List.of("member_transfer", "member_transfer_event")) {
      jdbc.sql(
              "update "
                  + table
                  + " set scope_path = :path where member_id in"
                  + " (select id from member where organization_id in (:source, :target))")
          .param("path", e.targetPath())
          .param("source", e.sourceId())
          .param("target", e.targetId())
          .update();
    }
  }

  @Override
  public Optional<String> refusal(long organizationId) {
    boolean open =
        jdbc.sql(
                "select exists (select 1 from member_transfer where state in ('SUBMITTED', 'RETURNED', 'LETTER_ISSUED')"
                    + " and (source_id = :id or source_actor_id = :id or target_id = :id))")
            .param("id", organizationId)
            .query(Boolean.class)
            .single();
    return open ? Optional.of("transfer.rule.organization-has-open-transfers") : Optional.empty();
  }
}

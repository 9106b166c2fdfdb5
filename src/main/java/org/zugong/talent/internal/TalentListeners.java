package org.zugong.talent.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zugong.person.PersonChanged;
import org.zugong.person.PersonView;

/**
 * Keeps a talent's copies of the person's facts (name, gender, birth date, masked ID number) in
 * step with the person register, in the transaction that changed the person.
 */
@Component
class TalentListeners {

  private final JdbcClient jdbc;

  TalentListeners(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(PersonChanged e) {
    PersonView p = e.person();
    jdbc.sql(
            """
            update talent set name = :name, gender = :gender, birth_date = :birth, id_number_masked = :masked
            where person_id = :id
            """)
        .param("id", p.id())
        .param("name", p.name())
        .param("gender", p.gender().name())
        .param("birth", p.birthDate())
        .param("masked", p.idNumberMasked())
        .update();
  }
}

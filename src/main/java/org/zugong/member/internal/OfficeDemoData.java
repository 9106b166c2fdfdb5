package org.zugong.member.internal;

import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;

/**
 * The committees of the demo organizations: in every branch, its longest-standing full members in
 * good standing hold its posts — the secretary, and where the branch has seven full members or more
 * (the threshold for a branch committee), an organization and a publicity committee member; one
 * branch in ten changed its secretary at the 2021 election, so its history shows the former one.
 * Committees and general branches draw theirs from the full members of their subtree. The
 * organizations' secretary names follow the open terms.
 */
@Component
class OfficeDemoData implements DemoDataContributor {

  @Override
  public String name() {
    return "member-offices";
  }

  @Override
  public int order() {
    return 70;
  }

  @Override
  public void load(DemoData demo) {
    OffsetDateTime now = OffsetDateTime.now(demo.clock());
    demo.jdbc()
        .sql(
            """
            with ranked as (
              select m.id as member_id, m.organization_id, m.full_on, o.path, o.established_on,
                     count(*) over (partition by m.organization_id) as full_members,
                     row_number() over (partition by m.organization_id order by m.full_on, m.id) as n
              from member m join organization o on o.id = m.organization_id
              where m.status = 'NORMAL' and m.stage = 'FULL' and o.dissolved_on is null
                and o.kind = 'BRANCH'),
            terms as (
              select organization_id, member_id, path,
                     case when n = 1 then 'SECRETARY' else 'COMMITTEE_MEMBER' end as post,
                     case n when 2 then '组织委员' when 3 then '宣传委员' end as duty,
                     greatest(established_on, full_on,
                       case when n = 1 and organization_id % 10 = 0 then date '2021-07-01'
                            else date '2018-07-01' end) as from_on,
                     cast(null as date) as until_on, cast(null as text) as end_reason
              from ranked where n = 1 or (n in (2, 3) and full_members >= 7)
              union all
              select organization_id, member_id, path, 'SECRETARY', null,
                     greatest(established_on, full_on, date '2018-07-01'), date '2021-06-30', '换届'
              from ranked
              where organization_id % 10 = 0 and n = 4
                and greatest(established_on, full_on, date '2018-07-01') < date '2021-06-30')
            insert into member_office (organization_id, member_id, post, duty, from_on, until_on,
              end_reason, scope_path, recorded_by, recorded_at)
            select organization_id, member_id, post, duty, from_on, until_on, end_reason, path,
                   'system', :now
            from terms
            """)
        .param("now", now)
        .update();
    // Committees and general branches hold no members of their own: their posts go to full
    // members of their subtree, drawn by a fixed scramble of ids so that the same member does not
    // head every level above their branch. A committee (党委、党工委) has a secretary, two deputies
    // and four members; a general branch a secretary, a deputy and three members; fewer where the
    // subtree has fewer full members. Committees were elected in 2021, general branches in 2020.
    demo.jdbc()
        .sql(
            """
            with ancestry as (
              -- Each full member with every organization above them (/o1/o5/o77/: o1, o5, o77).
              select m.id as member_id, m.full_on, cast(substr(a.segment, 2) as bigint) as organization_id
              from member m
              cross join lateral unnest(string_to_array(trim(both '/' from m.org_path), '/')) a(segment)
              where m.status = 'NORMAL' and m.stage = 'FULL'),
            drawn as (
              select o.id as organization_id, o.path, o.kind, o.established_on, a.member_id, a.full_on,
                     row_number() over (partition by o.id
                       order by (a.member_id * 7919 + o.id * 104729) % 1000003, a.member_id) as n
              from ancestry a join organization o on o.id = a.organization_id
              where o.dissolved_on is null and o.kind in ('COMMITTEE', 'WORKING_COMMITTEE', 'GENERAL_BRANCH'))
            insert into member_office (organization_id, member_id, post, duty, from_on, scope_path,
              recorded_by, recorded_at)
            select organization_id, member_id,
                   case when n = 1 then 'SECRETARY'
                        when n = 2 or (n = 3 and kind <> 'GENERAL_BRANCH') then 'DEPUTY_SECRETARY'
                        else 'COMMITTEE_MEMBER' end,
                   case when kind = 'GENERAL_BRANCH' then
                          case n when 3 then '组织委员' when 4 then '宣传委员' when 5 then '纪检委员' end
                        else case n when 4 then '组织委员' when 5 then '宣传委员' when 6 then '纪检委员'
                                    when 7 then '统战委员' end end,
                   greatest(established_on, full_on,
                     case when kind = 'GENERAL_BRANCH' then date '2020-07-01' else date '2021-07-01' end),
                   path, 'system', :now
            from drawn
            where n <= case when kind = 'GENERAL_BRANCH' then 5 else 7 end
            """)
        .param("now", now)
        .update();
    demo.jdbc()
        .sql(
            """
            update organization o set secretary_name = t.secretary, committee = t.committee
            from (
              select f.organization_id,
                     max(m.name) filter (where f.post = 'SECRETARY') as secretary,
                     string_agg(m.name, '、' order by f.post desc, f.from_on, f.id) as committee
              from member_office f join member m on m.id = f.member_id
              where f.until_on is null
              group by f.organization_id) t
            where o.id = t.organization_id
            """)
        .update();
  }
}

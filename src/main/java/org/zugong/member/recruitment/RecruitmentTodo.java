package org.zugong.member.recruitment;

import java.time.LocalDate;

/** A step that falls due: which, by when, and how urgent as of today. */
public record RecruitmentTodo(RecruitmentStepKind step, LocalDate dueDate, TodoStatus status) {}

"""What a rule or the input reader found, as data: a code, who or where, and the values.

A rule's ``violations`` (README, The rules) and the input reader (README, Input)
say what is wrong with a record, never with a sentence: the code names the kind of
finding, the subject names the dossier, consultant, day and time (or the file,
sheet, row and column) it is about, and the values are its numbers and dates. The
words are chosen at the edge, in the reader's language (``herplan.io.finding_words``).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a type hint only: the domain's records may carry findings
    from herplan.domain.appointment import Appointment

Value = str | int | date
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Code(StrEnum):
    """One member per kind of finding."""

    # Rule 1: an interview in the morning of a working day, its own length.
    NOT_A_WORKING_DAY = "not_a_working_day"
    INTERVIEW_OUTSIDE_MORNING = "interview_outside_morning"
    INTERVIEW_WRONG_LENGTH = "interview_wrong_length"
    # Rule 2: the write-up in the afternoon.
    WRITEUP_OUTSIDE_AFTERNOON = "writeup_outside_afternoon"
    WRITEUP_WRONG_LENGTH = "writeup_wrong_length"
    ABSENT_BUT_INTERVIEWS = "absent_but_interviews"
    WRITEUPS_OVERLAP = "writeups_overlap"
    # Rule 3: one location per morning.
    MORE_THAN_ONE_LOCATION = "more_than_one_location"
    NO_CHANGEOVER = "no_changeover"
    # Rule 4: the consultant's working days and weekly cap.
    NOT_A_CONSULTANT = "not_a_consultant"
    CONSULTANT_NOT_WORKING = "consultant_not_working"
    WEEKLY_CAP_EXCEEDED = "weekly_cap_exceeded"
    # Rule 5: the location open, its rooms.
    LOCATION_CLOSED = "location_closed"
    TOO_FEW_ROOMS = "too_few_rooms"
    # Rules 6 and 7: the indication and the support plan.
    AFTER_INDICATION_ENDS = "after_indication_ends"
    SUPPORT_PLAN_NOT_CURRENT = "support_plan_not_current"
    # Rule 8: the begeleider.
    WORKER_DOUBLE_BOOKED = "worker_double_booked"
    # Rule 9: the client.
    CLIENT_CANNOT_COME = "client_cannot_come"
    SHOULD_BE_WITH_WORKER = "should_be_with_worker"
    SHOULD_BE_WITH_CLIENT = "should_be_with_client"
    # Rule 10: confirmed appointments.
    CONFIRMED_NOT_KEPT = "confirmed_not_kept"
    # The guard before a plan is written: the plan's own consistency, a rerun's promises,
    # and a reassessment there is nothing to suggest for.
    PLANNED_TWICE = "planned_twice"
    NOT_IN_INPUT = "not_in_input"
    WITHDRAWN_BUT_PLANNED = "withdrawn_but_planned"
    DIFFERS_FROM_INPUT = "differs_from_input"
    PLANNED_AND_LISTED = "planned_and_listed"
    LISTED_WITHOUT_REASON = "listed_without_reason"
    HELD_NOT_KEPT = "held_not_kept"
    SAME_DAY_MOVED = "same_day_moved"
    NEE_DAY_KEPT = "nee_day_kept"
    DROPPED_WITHOUT_CAUSE = "dropped_without_cause"
    MOVED_WITHOUT_ROOM = "moved_without_room"
    FEWER_THAN_FIRST_PLAN = "fewer_than_first_plan"
    MORE_FAILURES = "more_failures"
    NOT_OPEN = "not_open"
    # A move by hand.
    PROVIDER_CONFIRMED = "provider_confirmed"
    DAY_NOT_AFTER_TODAY = "day_not_after_today"
    PROVIDER_ANSWERED_NEE = "provider_answered_nee"
    ALREADY_ON_DAY = "already_on_day"
    NEEDS_ANOTHER_MOVED = "needs_another_moved"
    HELD_ALREADY = "held_already"
    # The input: a cell.
    EXCEL_ERROR_VALUE = "excel_error_value"
    EMPTY_VALUE = "empty_value"
    TEXT_TOO_LONG = "text_too_long"
    CONTROL_CHARACTER = "control_character"
    EMPTY_DATE = "empty_date"
    NOT_A_DATE = "not_a_date"
    IMPLAUSIBLE_DATE = "implausible_date"
    NUMBER_OUT_OF_RANGE = "number_out_of_range"
    NUMBER_TOO_SMALL = "number_too_small"
    WEEKDAYS_NOT_A_DATE = "weekdays_not_a_date"
    NOT_WEEKDAYS_OR_DATES = "not_weekdays_or_dates"
    NOT_WEEKDAYS = "not_weekdays"
    NOT_ONE_OF = "not_one_of"
    NOT_AN_EMAIL = "not_an_email"
    MERGED_CELLS = "merged_cells"
    FORMULA_WITHOUT_VALUE = "formula_without_value"
    # The input: a row of a sheet.
    CONSULTANT_TWICE = "consultant_twice"
    EXTRA_MORNINGS_NOT_DATES = "extra_mornings_not_dates"
    LOCATION_TWICE = "location_twice"
    CLOSED_NOT_DATES = "closed_not_dates"
    UNKNOWN_CONSULTANT = "unknown_consultant"
    ENDS_BEFORE_START = "ends_before_start"
    DOSSIER_TWICE = "dossier_twice"
    UNKNOWN_LOCATION = "unknown_location"
    UNKNOWN_PROVIDER = "unknown_provider"
    INTERVIEW_TOO_LONG = "interview_too_long"
    PLAN_DATE_AFTER_INDICATION = "plan_date_after_indication"
    PLAN_DATE_AFTER_TODAY = "plan_date_after_today"
    # A provider's returned workbook.
    UNREADABLE_ANSWERS = "unreadable_answers"
    NO_ANSWER_SHEET = "no_answer_sheet"
    NOT_IN_PREVIOUS_PLAN = "not_in_previous_plan"
    OTHER_PROVIDERS_DOSSIER = "other_providers_dossier"
    ANSWER_NOT_UNDERSTOOD = "answer_not_understood"
    # The input: sheets and columns.
    COLUMN_TWICE = "column_twice"
    UNKNOWN_COLUMN = "unknown_column"
    HEADER_NOT_ON_ROW_1 = "header_not_on_row_1"
    MISSING_COLUMN = "missing_column"
    REPEATED_HEADER = "repeated_header"
    MISSING_SHEET = "missing_sheet"
    # The input: settings.
    UNKNOWN_SETTING = "unknown_setting"
    SETTING_NOT_VALID = "setting_not_valid"
    PERIOD_TOO_LONG = "period_too_long"
    PERIOD_ENDS_BEFORE_START = "period_ends_before_start"
    MORNING_ENDS_BEFORE_START = "morning_ends_before_start"
    AFTERNOON_ENDS_BEFORE_START = "afternoon_ends_before_start"
    AFTERNOON_BEFORE_MORNING_ENDS = "afternoon_before_morning_ends"
    SETTING_INTERVIEW_TOO_LONG = "setting_interview_too_long"
    SETTING_WRITEUP_TOO_LONG = "setting_writeup_too_long"
    PERIOD_ENDED = "period_ended"
    # The input: the file itself.
    FILE_NOT_FOUND = "file_not_found"
    OLD_XLS = "old_xls"
    PASSWORD_OR_XLS = "password_or_xls"
    NOT_A_WORKBOOK = "not_a_workbook"
    UNREADABLE_WORKBOOK = "unreadable_workbook"
    NOT_A_REGULAR_FILE = "not_a_regular_file"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_CSV_ROWS = "too_many_csv_rows"
    NOT_READABLE_AS_CSV = "not_readable_as_csv"
    A_FOLDER_NOT_CSV = "a_folder_not_csv"
    A_BROKEN_LINK = "a_broken_link"
    CANNOT_BE_READ = "cannot_be_read"
    NOT_TEXT = "not_text"
    # A rerun's choice it could not take.
    PICKED_ONLINE_TAKEN = "picked_online_taken"
    SET_BY_HAND_TAKEN = "set_by_hand_taken"
    # A rerun's notes: answers that disagree, a chosen day gone by.
    WORKBOOKS_DISAGREE = "workbooks_disagree"
    WORKBOOK_AND_ONLINE_DISAGREE = "workbook_and_online_disagree"
    CHOSEN_DAY_PASSED = "chosen_day_passed"
    # A provider's correction refused: the corrections' own words (``refused``: which).
    CORRECTION_REFUSED = "correction_refused"
    # A capacity scenario (``--scenario``) herplan cannot make.
    SCENARIO_NO_INPUT = "scenario_no_input"
    SCENARIO_NOT_UNDERSTOOD = "scenario_not_understood"
    SCENARIO_NOT_A_CONSULTANT = "scenario_not_a_consultant"
    SCENARIO_NOT_A_DATE = "scenario_not_a_date"
    SCENARIO_WEEK_NOT_IN_PERIOD = "scenario_week_not_in_period"
    SCENARIO_ENDS_BEFORE_START = "scenario_ends_before_start"
    SCENARIO_PERIOD_ENDS_BEFORE_START = "scenario_period_ends_before_start"
    SCENARIO_NOT_WEEKDAYS = "scenario_not_weekdays"
    # A planning folder another run is writing.
    FOLDER_BUSY = "folder_busy"
    # The page's run.
    RUN_ENDED_WITHOUT_PLAN = "run_ended_without_plan"
    # A message of the command line's own (its options), in English only.
    TEXT = "text"


@dataclass(frozen=True)
class Subject:
    """Who or where a finding is about: an appointment's dossier, consultant, day and
    start (minutes after midnight), a location, or a file's sheet, row and column."""

    dossier: str = ""
    consultant: str = ""
    day: date | None = None
    start: int | None = None
    location: str = ""
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""

    def as_dict(self) -> dict[str, object]:
        return {k: _plain(v) for k, v in asdict(self).items() if v not in ("", None)}


NOBODY = Subject()


@dataclass(frozen=True)
class Finding:
    """One thing wrong: its code, its subject and its values (JSON-able by ``as_dict``)."""

    code: Code
    subject: Subject = NOBODY
    values: tuple[tuple[str, Value], ...] = field(default=())

    @classmethod
    def of(cls, code: Code, subject: Subject = NOBODY, **values: Value) -> Finding:
        return cls(code, subject, tuple(values.items()))

    @property
    def named(self) -> dict[str, Value]:
        return dict(self.values)

    def value(self, name: str) -> Value:
        return self.named[name]

    def as_dict(self) -> dict[str, object]:
        return {
            "code": str(self.code),
            "subject": self.subject.as_dict(),
            "values": {k: _plain(v) for k, v in self.values},
        }

    @classmethod
    def from_dict(cls, data: dict) -> Finding:
        subject: dict[str, Any] = {
            k: _typed(v) if k == "day" else v for k, v in data.get("subject", {}).items()
        }
        values = tuple((k, _typed(v)) for k, v in data.get("values", {}).items())
        return cls(Code(data["code"]), Subject(**subject), values)


def text(message: str) -> Finding:
    """A message of the command line's own options (``Code.TEXT``), as it is."""
    return Finding.of(Code.TEXT, text=message)


def at(a: Appointment) -> Subject:
    """The subject of a finding about one appointment."""
    return Subject(dossier=a.dossier, consultant=a.consultant, day=a.day, start=a.start)


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _typed(value: object) -> Value:
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    assert isinstance(value, str | int)
    return value

"""The arguments the daily reminder commands share: the day to act as, and a dry run."""

import argparse
import datetime


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"Enter a real date in the format YYYY-MM-DD, not {value!r}"
        ) from None


def add_reminder_arguments(parser) -> None:
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="Act as if today were this date (default: today).",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="List the reminders that would be sent, without sending or recording them.",
    )

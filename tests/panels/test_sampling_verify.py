"""`manage.py verify_sample MEETING`: re-drawing confirms the recorded cases, or says why not."""

import hashlib
import io

import pytest
from django.core.management import CommandError, call_command

from panels.models import SampleDraw, SampleDrawPool
from panels.sampling import Pool, PoolFilters
from panels.sampling.services import sample_draw
from tests import factories


def verify(meeting, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("verify_sample", str(meeting.pk), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failed_verify(meeting, *args) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError, match="not verified") as error:
        call_command("verify_sample", str(meeting.pk), *args, stdout=io.StringIO(), stderr=err)
    assert error.value.returncode == 1
    return err.getvalue()


@pytest.fixture
def drawn(meeting, olu, case_pool) -> SampleDraw:
    return sample_draw(meeting=meeting, by=olu, filters=PoolFilters(), size=5, seed="verify")


def test_verify_sample_of_an_untouched_draw_prints_verified(meeting, drawn):
    out, err = verify(meeting)

    assert out.splitlines()[-1] == "verified"
    assert f"seed verify, fingerprint {drawn.pool_fingerprint}" in out
    assert err == ""


def test_verify_sample_of_a_stratified_draw_prints_verified(meeting, olu, case_pool):
    filters = PoolFilters(flags={"is_domestic_abuse": False})
    sample_draw(meeting=meeting, by=olu, filters=filters, size=7, strata_field="offence_category")

    out, _ = verify(meeting)

    assert out.splitlines()[-1] == "verified"


@pytest.mark.parametrize("strata", [None, "offence_category"])
def test_verify_sample_of_a_draw_recorded_with_the_first_method_prints_verified(
    meeting, olu, case_pool, strata
):
    sample_draw(
        meeting=meeting,
        by=olu,
        filters=PoolFilters(),
        size=6,
        strata_field=strata,
        algorithm="bottomk-sha256-v1",
    )

    out, err = verify(meeting)

    assert "bottomk-sha256-v1" in out
    assert (out.splitlines()[-1], err) == ("verified", "")


def test_verify_sample_of_an_unknown_method_names_the_known_ones(meeting, drawn):
    SampleDraw.objects.filter(pk=drawn.pk).update(algorithm_version="sha256-v0")

    err = failed_verify(meeting)

    assert (
        "Unknown algorithm 'sha256-v0'; these are known: bottomk-sha256-v1, position-sha256-v2."
        in err
    )


def test_verify_sample_still_verifies_after_the_pool_has_moved_on(meeting, olu, drawn):
    factories.CaseFactory(force=meeting.panel.force, reference="IMPORTED-LATER")
    other = factories.MeetingFactory(panel=meeting.panel)
    sample_draw(meeting=other, by=olu, filters=PoolFilters(), size=20)

    out, _ = verify(meeting)

    assert out.splitlines()[-1] == "verified"


def test_verify_sample_with_a_tampered_selection_lists_the_differences(meeting, drawn):
    tampered = [*drawn.selected_references[:4], "SP-99"]
    SampleDraw.objects.filter(pk=drawn.pk).update(selected_references=tampered)

    err = failed_verify(meeting)

    assert "Only in the recorded draw: SP-99" in err
    assert f"Only in the re-draw: {drawn.selected_references[4]}" in err


def test_verify_sample_with_a_tampered_seed_fails(meeting, drawn):
    SampleDraw.objects.filter(pk=drawn.pk).update(seed="chosen-later")

    err = failed_verify(meeting)

    assert "The recorded draw and the re-draw differ." in err


def test_verify_sample_with_a_tampered_pool_reports_the_fingerprint(meeting, drawn):
    smaller = Pool.build([f"SP-{n:02d}" for n in range(1, 30)])
    references, strata = smaller.compressed
    SampleDrawPool.objects.filter(draw=drawn).update(references=references, strata=strata)

    err = failed_verify(meeting)

    assert f"Pool fingerprint is {smaller.fingerprint}" in err
    assert "Pool holds 29 references, but 30 were recorded." in err


def test_verify_sample_with_a_changed_agenda_fails(meeting, drawn, olu):
    swapped = meeting.reviewed_cases.order_by("position").last()
    swapped.case = factories.CaseFactory(force=meeting.panel.force, reference="SWAPPED-IN")
    swapped.save()

    err = failed_verify(meeting)

    assert "Only in the agenda: SWAPPED-IN" in err


def test_verify_sample_all_checks_replaced_draws_too(meeting, olu, drawn):
    sample_draw(meeting=meeting, by=olu, filters=PoolFilters(), size=5)
    SampleDraw.objects.filter(pk=drawn.pk).update(seed="rewritten")

    latest_only, _ = verify(meeting)
    err = failed_verify(meeting, "--all")

    assert latest_only.splitlines()[-1] == "verified"
    assert "The recorded draw and the re-draw differ." in err


def test_verify_sample_of_a_meeting_without_a_draw_fails(meeting):
    with pytest.raises(CommandError, match=f"No draw recorded for meeting {meeting.pk}"):
        call_command("verify_sample", str(meeting.pk), stdout=io.StringIO())


def test_verify_sample_writes_a_pool_file_whose_sha256_is_the_fingerprint(meeting, drawn, tmp_path):
    path = tmp_path / "references.txt"

    verify(meeting, "--write-pool", str(path))

    assert hashlib.sha256(path.read_bytes()).hexdigest() == drawn.pool_fingerprint
    assert path.read_text().splitlines()[:2] == ["SP-01", "SP-02"]

"""The chair's attendance form shows members' names as text."""

from tests import factories


def test_a_member_name_with_markup_is_shown_as_text_on_the_attendance_page(client, meeting, chris):
    factories.MembershipFactory(
        panel=meeting.panel, user__first_name="<b>x</b>", user__last_name=""
    )
    client.force_login(chris)

    body = client.get(f"/panels/meetings/{meeting.pk}/attendance/").content.decode()

    assert "<b>x</b>" not in body
    assert "&lt;b&gt;x&lt;/b&gt;" in body

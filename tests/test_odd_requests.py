"""Requests no form would send get a plain refusal, never a server error."""


def test_an_action_list_filtered_by_a_name_no_panel_can_have_is_not_found(client, olu):
    client.force_login(olu)

    response = client.get("/panels/actions/?panel=%2Fe%00")

    assert response.status_code == 404


def test_an_action_list_filtered_by_a_panel_still_works(client, olu, panel):
    client.force_login(olu)

    response = client.get(f"/panels/actions/?panel={panel.slug}")

    assert response.status_code == 200

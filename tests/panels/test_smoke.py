def test_home_page_for_member_lists_nothing_to_do_when_no_meeting_is_open(client, mina):
    client.force_login(mina)

    response = client.get("/")

    assert response.status_code == 200
    assert "There is nothing for you to do yet" in response.content.decode()

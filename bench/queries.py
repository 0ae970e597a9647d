"""Queries per request for every row of `make bench` (run by bench/run.py on the bench's
database, as `python -m bench.queries TARGETS_JSON`): one request each through Django's test
client after a warm-up, counted with CaptureQueriesContext, streamed bodies read to the end.
Prints {name: queries} as JSON."""

import json
import sys

import django


def main(targets: list[dict]) -> None:
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from backpain.models import User

    anonymous = Client()
    signed_in = Client()
    signed_in.force_login(User.objects.get(email="heavy@bench.example"))
    counts = {}
    for target in targets:
        if target["path"].startswith("/static/"):
            counts[target["name"]] = 0  # WhiteNoise answers before Django's views
            continue
        client = signed_in if target["signed_in"] else anonymous
        headers = {"HX-Request": "true"} if target["htmx"] else {}

        def fetch(client=client, target=target, headers=headers):
            if target["method"] == "POST":
                response = client.post(target["path"], target["data"], headers=headers)
            else:
                response = client.get(target["path"], headers=headers)
            if response.streaming:
                b"".join(response.streaming_content)
            return response

        fetch()
        with CaptureQueriesContext(connection) as queries:
            fetch()
        counts[target["name"]] = len(queries.captured_queries)
    print(json.dumps(counts))


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))

"""The "Load" section of docs/performance.md."""

from .drive import ALONE, BASELINE, CONNECTIONS, P95_TARGET_MS, RATIO_TARGET, THREADS, WARM_UP, Page
from .server import WORKERS


def _ms(microseconds: float) -> str:
    return f"{microseconds / 1000:,.1f} ms"


def load_section(pages: list[Page], *, counts: dict, timings: dict, args, machine: str) -> str:
    sign_in = next(p for p in pages if p.name == BASELINE)
    lines = [
        "## Load",
        "",
        f"`bench/load/` (`make bench-load`): gunicorn with {WORKERS} sync workers "
        "(`scrutiny.gunicorn_conf`, DEBUG off, hashed static files from `collectstatic`, "
        "persistent database connections, two-factor off, plain http on loopback) against "
        f"the national dataset, each page driven by wrk ({THREADS} thread, {CONNECTIONS} "
        f"connections, so {CONNECTIONS} concurrent clients) with `bench/load.lua`, which stops "
        f"after a fixed number of responses: {args.requests:,} per page, {args.saves:,} "
        "saves. Latency is wrk's, from sending a request to its whole response, so it includes "
        f"waiting for a free worker. Each page has a warm-up of {WARM_UP} requests first, then "
        f'{ALONE} requests from a single connection ("alone": the page\'s own time, without '
        "queueing), then the measured run; saves have neither, as each pair is saved once. "
        "Signed-in pages carry a session made for the user as Django's sign-in makes it.",
        "",
        f"- Machine: {machine}.",
        "- Dataset: " + ", ".join(f"{n:,} {what}" for what, n in counts.items()) + ". "
        "Cases arrive by COPY, spread over five forces, three years of outcome dates and "
        "every outcome type; each panel has 12 members (a chair, ten voting members, a "
        "non-voting police attendee) and 40 meetings (30 closed, one or two in discussion, "
        "two open for rating with 40 cases each, the rest planned). Memberships, meetings, "
        "agendas, conflict declarations, ratings, decisions and actions are bulk-created in "
        "the states the workflow leaves, without status-history rows; every published report "
        "was generated, approved and published through the real services, each with its own "
        "PDF rendered by WeasyPrint (none copied).",
        "- Built: "
        + (
            "; ".join(f"{what} {seconds:,.1f} s" for what, seconds in timings.items())
            if timings
            else "reused from an earlier run with the same parameters"
        )
        + ".",
        "- Reproduce: `make bench-load` (needs wrk: `apt-get install wrk`; PostgreSQL at "
        "`BENCH_LOAD_DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/scrutiny_load`; "
        "the dataset is built on the first run and reused while its parameters stay the "
        'same; `BENCH_ARGS="--cases 20000 --requests 500"` for a quick look).',
        "",
        f"Targets at {CONNECTIONS} concurrent clients: p95 under {P95_TARGET_MS} ms for every "
        f"page, and every page's p95 within {RATIO_TARGET}× the sign-in page's p95.",
        "",
        "| Page | Requests | Requests/s | p50 alone | p50 | p95 | p99 | p95 ÷ sign-in p95 "
        "| Responses | Target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for page in pages:
        lines.append(_row(page, sign_in))
    lines += ["", *_notes(pages, sign_in)]
    return "\n".join(lines) + "\n"


def _row(page: Page, sign_in: Page) -> str:
    r = page.result
    rate = r["requests"] / (r["duration_us"] / 1e6)
    ratio = r["p95_us"] / sign_in.result["p95_us"]
    statuses = ", ".join(f"{n:,} × {s}" for s, n in sorted(r["statuses"].items()))
    alone = _ms(r["alone_p50_us"]) if r.get("alone_p50_us") else "—"
    if r["socket_errors"]:
        statuses += f", {r['socket_errors']} socket errors"
    return (
        f"| {page.name} | {r['requests']:,} | {rate:,.0f} | {alone} | {_ms(r['p50_us'])} "
        f"| {_ms(r['p95_us'])} | {_ms(r['p99_us'])} | {ratio:.1f}× | {statuses} "
        f"| {_verdict(page, ratio)} |"
    )


def _verdict(page: Page, ratio: float) -> str:
    if page.unexpected or page.result["socket_errors"]:
        return "**NOT MET** (unexpected responses)"
    missed = []
    if page.p95_ms >= P95_TARGET_MS:
        missed.append(f"p95 ≥ {P95_TARGET_MS} ms")
    if ratio > RATIO_TARGET:
        missed.append(f"over {RATIO_TARGET}× sign-in")
    return f"**NOT MET** ({'; '.join(missed)})" if missed else "MET"


def _notes(pages: list[Page], sign_in: Page) -> list[str]:
    notes = []
    for page in pages:
        if "saved" in page.result:
            redirected = page.result["statuses"].get("302", 0)
            notes.append(
                f"- Saves: {redirected:,} answered 302 back to the case page "
                f"({page.result['located']:,} with that Location), and the ratings' versions "
                f"rose by {page.result['saved']:,} in the database, one per save that "
                "changed a rating (wrk may send up to one request per connection beyond the "
                "count before it stops, so a few more saves than responses can land). Each "
                "save was of a different member/case pair, with the session's CSRF token and "
                "the rating's current version, so none was refused as stale."
            )
    base = sign_in.result["p95_us"]
    met = [p.name for p in pages if _verdict(p, p.result["p95_us"] / base) == "MET"]
    notes.append(f"- Pages meeting both targets: {len(met)} of {len(pages)}.")
    notes.append(
        f"- Reading the figures: {WORKERS} sync workers serve {CONNECTIONS} clients, so a "
        f"request mostly waits for the {CONNECTIONS // WORKERS - 1} ahead of it on its "
        f"worker; p50 at {CONNECTIONS} clients is about {CONNECTIONS // WORKERS}× the page's "
        f"time alone, and a p95 under {P95_TARGET_MS} ms needs a page that takes about "
        f"{P95_TARGET_MS / (CONNECTIONS / WORKERS):.0f} ms alone, or more workers than cores "
        "allow here. wrk, gunicorn and PostgreSQL share the same cores."
    )
    return notes

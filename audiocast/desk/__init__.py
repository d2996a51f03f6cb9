"""`audiocast desk`: the editors' web application over a show, on this machine.

Review what will be said (each article's written sentences beside what the voice says,
every left-out paragraph with its reason), hear any sentence's take, fix a pronunciation
for the whole show or a paragraph for one article, edit an article, regenerate an episode
and publish, with the same lock, messages and exit states as `audiocast build`; preview the
feed in a podcast app. `app.py` guards it; `views.py` and `actions.py` are its pages and
actions; `review.py`, `fixes.py`, `takes.py` and `jobs.py` do the work."""

from __future__ import annotations

import sys
from pathlib import Path

from audiocast.publish.identity import FEED_NAME


def _address(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://[{shown}]:{port}" if ":" in shown else f"http://{shown}:{port}"


def run(root: Path, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the desk (waitress) until interrupted; print its address with the token."""
    import waitress

    from audiocast.desk.app import Desk, create_app

    desk = Desk(root.resolve(), host)
    desk.show()  # an unusable show stops here, with its one line (exit 2)
    server = waitress.create_server(create_app(desk), host=host, port=port, threads=6,
                                    ident="audiocast desk")
    address = _address(host, server.effective_port)
    print(f"desk    {address}/?token={desk.token}", flush=True)
    print(f"preview {address}{desk.preview_prefix}/{FEED_NAME} (a podcast app can subscribe "
          "to it)", flush=True)
    if desk.host_allowed("any.example"):
        print("warning the desk is reachable from the network: only its token guards it",
              file=sys.stderr, flush=True)
    print("(Ctrl-C to stop)", flush=True)
    try:
        server.run()
    finally:
        server.close()

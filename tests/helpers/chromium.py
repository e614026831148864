"""One headless Chromium driven over the DevTools protocol on loopback, for the dashboard tests."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import subprocess
import time
from pathlib import Path

import aiohttp

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
# No skip when it is missing: scripts/setup.sh installs Debian's chromium, and a
# dashboard nobody rendered is not tested.


class Chromium:
    """One headless Chromium for the module, driven over the DevTools protocol on loopback."""

    def __init__(self, profile: Path):
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--hide-scrollbars", "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1280,1600", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("chromium did not start")
            time.sleep(0.1)
        self.port = int(port_file.read_text().split()[0])

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def open(self, url: str, expressions: dict[str, str], screenshot: Path | None = None, *,
             width: int | None = None, media: str | None = None) -> dict:
        """Load the page in a fresh tab, evaluate the expressions (promises are awaited), optionally save a
        screenshot; `width` sets the window's width in CSS pixels, `media` emulates e.g. print."""
        return asyncio.run(self._open(url, expressions, screenshot, width, media))

    async def _open(self, url, expressions, screenshot, width=None, media=None):
        async with aiohttp.ClientSession() as http:
            async with http.put(f"http://127.0.0.1:{self.port}/json/new?about:blank") as response:
                target = await response.json()
            try:
                async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    session = _Session(ws)
                    await session.call("Page.enable")
                    if width:
                        await session.call("Emulation.setDeviceMetricsOverride", {
                            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
                    if media:
                        await session.call("Emulation.setEmulatedMedia", {"media": media})
                    await session.call("Page.navigate", {"url": url})
                    await session.wait_event("Page.loadEventFired")
                    results = {}
                    for name, expression in expressions.items():
                        reply = await session.call("Runtime.evaluate", {"expression": expression,
                                                                        "returnByValue": True,
                                                                        "awaitPromise": True})
                        if "exceptionDetails" in reply:
                            raise AssertionError(f"{name}: {reply['exceptionDetails']}")
                        results[name] = reply["result"].get("value")
                    if screenshot is not None:
                        shot = await session.call("Page.captureScreenshot", {"format": "png"})
                        screenshot.write_bytes(base64.b64decode(shot["data"]))
                    return results
            finally:
                async with http.get(f"http://127.0.0.1:{self.port}/json/close/{target['id']}"):
                    pass


class _Session:
    def __init__(self, ws):
        self.ws, self.next_id, self.events = ws, 0, []

    async def call(self, method, params=None):
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params or {}})
        while True:
            message = json.loads((await asyncio.wait_for(self.ws.receive(), 60)).data)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            self.events.append(message.get("method"))

    async def wait_event(self, name):
        while name not in self.events:
            message = json.loads((await asyncio.wait_for(self.ws.receive(), 60)).data)
            self.events.append(message.get("method"))


# Opens every school card and resolves once each has its table (built by the page's script on «toggle»).
OPEN_CARDS = """(async () => {
    const cards = Array.from(document.querySelectorAll('details.school-card'));
    cards.forEach(c => { c.open = true; });
    while (!cards.every(c => c.querySelector('table'))) { await new Promise(r => setTimeout(r, 10)); }
    return cards.length; })()"""

#!/usr/bin/env python3
"""Drives the explorer page in headless Chromium over the DevTools protocol, as a student would.

Loads the page, changes a rule's points, lets it run, checks that the charts and the numbers
changed the right way, turns on the guidance comparison, downloads the edited scenario and the
daily table, and keeps screenshots. Prints one JSON line of what it saw; exits 1 on a failure.

Usage: explorer-ui-test.py URL DOWNLOAD_DIR SCREENSHOT_PREFIX
Needs: chromium, and websocket-client (pip install websocket-client).
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=60)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def js(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, expression, timeout=60, what=""):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.js(expression):
                return
            time.sleep(0.1)
        raise TimeoutError(f"waited {timeout} s for {what or expression}")

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def fail(message):
    print(f"explorer UI test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    url, downloads, shots = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    os.makedirs(downloads, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="creditsim-chromium-")
    port = 9333
    browser = subprocess.Popen(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
         f"--user-data-dir={profile}", "--window-size=1600,1200", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                pages = [t for t in targets if t["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            fail("Chromium did not start")
        page = Page(pages[0]["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=downloads)

        started = time.time()
        page.call("Page.navigate", url=url + "/?scenario=rongcheng-2016")
        page.wait("document.body && document.body.dataset.state === 'done'", what="the first run")
        first_run = time.time() - started
        before = page.js("({mean: lastResponse.key_numbers.find(k => k.id === 'mean-score').value,"
                         " text: document.getElementById('key-mean-score').textContent,"
                         " charts: document.querySelectorAll('#report-main svg').length,"
                         " report: document.getElementById('report-main').innerHTML.length,"
                         " svg: document.querySelector('#report-main svg').outerHTML})")
        if before["charts"] < 5:
            fail(f"only {before['charts']} charts after the first run")
        page.screenshot(f"{shots}-loaded.png")

        # A student raises the online-speech penalty from -50 to -300 and leaves the field.
        runs = page.js("Number(document.body.dataset.runs)")
        page.js("""(() => {
            const input = document.querySelector('input[data-rule="v2016/rc-b01"][data-field="points"]');
            input.focus(); input.value = '-300';
            input.dispatchEvent(new Event('input', {bubbles: true}));
            input.dispatchEvent(new Event('change', {bubbles: true}));
            input.blur();
        })()""")
        page.wait(f"Number(document.body.dataset.runs) > {runs} && document.body.dataset.state === 'done'",
                  what="the run after the edit")
        after = page.js("({mean: lastResponse.key_numbers.find(k => k.id === 'mean-score').value,"
                        " text: document.getElementById('key-mean-score').textContent,"
                        " changes: [...document.querySelectorAll('#changes li')].map(li => li.textContent),"
                        " svg: document.querySelector('#report-main svg').outerHTML,"
                        " charts: document.querySelectorAll('#report-main svg').length})")
        if not after["mean"] < before["mean"]:
            fail(f"mean score did not fall: {before['mean']} -> {after['mean']}")
        if after["text"] == before["text"]:
            fail("the key number on the page did not change")
        if after["svg"] == before["svg"]:
            fail("the grade-share chart did not change")
        if "v2016: rc-b01 points -50 → -300" not in after["changes"]:
            fail(f"'what changed' does not list the edit: {after['changes']}")
        if any(c.startswith("population") for c in after["changes"]):
            fail(f"the page's own population reduction is listed as an edit: {after['changes']}")
        # Before / after / change: the unedited scheme on the same residents beside the edited one.
        columns = page.js("({head: [...document.querySelectorAll('#key-numbers thead th')].map(th => th.textContent),"
                          " before: document.getElementById('before-mean-score')?.textContent,"
                          " change: document.getElementById('change-mean-score')?.textContent})")
        if columns["head"][1:4] != ["unedited", "edited", "change"]:
            fail(f"no before/after/change columns: {columns}")
        if columns["before"] != before["text"] or not columns["change"].startswith("−"):
            fail(f"the unedited column or the change is wrong: {columns}, unedited run {before['text']}")
        # The address holds the edits: a new page opened on it shows the same view.
        address = page.js("location.href")
        if "edits=" not in address:
            fail(f"the address does not hold the edits: {address}")
        page.screenshot(f"{shots}-edited.png")

        # Downloads: the edited scenario and the daily table, through the page's links.
        for link, name in [("download-yaml", "rongcheng-2016-edited.yaml"), ("download-daily", "rongcheng-2016-daily.csv")]:
            page.js(f"document.getElementById('{link}').click()")
            path = os.path.join(downloads, name)
            deadline = time.time() + 20
            while not os.path.exists(path) and time.time() < deadline:
                time.sleep(0.1)
            if not os.path.exists(path):
                fail(f"{name} was not downloaded")

        # Compare with central guidance: the compliant variant appears beside it, with the audit.
        runs = page.js("Number(document.body.dataset.runs)")
        page.js("document.getElementById('compare').click()")
        page.wait(f"Number(document.body.dataset.runs) > {runs} && document.body.dataset.state === 'done'",
                  what="the comparison run")
        compared = page.js("({visible: !document.getElementById('report-compliant').hidden,"
                           " charts: document.querySelectorAll('#report-compliant svg').length,"
                           " audit: document.querySelectorAll('#audit tbody tr').length,"
                           " compliantMean: lastResponse.compliant.key_numbers.find(k => k.id === 'mean-score').value})")
        if not compared["visible"] or compared["charts"] < 5 or compared["audit"] < 1:
            fail(f"the comparison is not shown: {compared}")
        page.screenshot(f"{shots}-compared.png")

        # Bad input is shown in the page, not swallowed: a non-number for points.
        page.js("document.getElementById('compare').click()")
        page.wait("document.body.dataset.state === 'done'", what="the run after unticking compare")
        page.js("""(() => {
            const input = document.querySelector('input[data-rule="v2016/rc-b01"][data-field="points"]');
            input.value = 'lots'; input.dispatchEvent(new Event('change', {bubbles: true}));
        })()""")
        page.wait("document.body.dataset.state === 'error'", what="the error for a non-number")
        error = page.js("document.getElementById('errors').textContent")
        marked = page.js("""(() => {
            const input = document.querySelector('input[data-rule="v2016/rc-b01"][data-field="points"]');
            const note = input.nextElementSibling;
            return {invalid: input.classList.contains('invalid'),
                    note: note && note.classList.contains('field-error') ? note.textContent : null,
                    stale: !document.getElementById('stale').hidden,
                    status: document.getElementById('status').textContent,
                    faded: getComputedStyle(document.getElementById('reports')).opacity};
        })()""")
        if not marked["invalid"] or not marked["note"] or "whole number" not in marked["note"]:
            fail(f"the bad value is not marked at its input: {marked}")
        if not marked["stale"] or float(marked["faded"]) > 0.5 or "error" in marked["status"]:
            fail(f"the old results are not marked stale: {marked}")
        if "points of rc-b01 in rulebook v2016" not in error:
            fail(f"the error is not in words: {error}")
        page.screenshot(f"{shots}-error.png")
        # The link a teacher hands out reproduces the edited view in a fresh page.
        page.call("Page.navigate", url=address)
        page.wait("document.body && document.body.dataset.state === 'done' && !!document.getElementById('change-mean-score')",
                  what="the page opened from the link")
        restored = page.js("""({points: document.querySelector('input[data-rule="v2016/rc-b01"][data-field="points"]').value,
                   mean: lastResponse.key_numbers.find(k => k.id === 'mean-score').value})""")
        if restored["points"] != "-300" or restored["mean"] != after["mean"]:
            fail(f"the link did not restore the view: {restored}, expected -300 and mean {after['mean']}")

        print(json.dumps({
            "first_run_seconds": round(first_run, 2), "mean_before": before["mean"], "mean_after": after["mean"],
            "compliant_mean": compared["compliantMean"], "audit_rows": compared["audit"], "error_shown": marked["note"], "link_restored": True,
        }))
    finally:
        browser.terminate()
        browser.wait(10)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()

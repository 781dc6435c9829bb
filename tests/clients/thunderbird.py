"""Thunderbird driven headless through its Marionette port, to see what it makes of a message.

A throwaway profile with one account (so a draft can open in the compose window), no first-run
pages, and Marionette on a port Thunderbird picks and writes into the profile. Scripts run in the
chrome context, where Thunderbird's own windows, MIME parser and calendar are."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

EXECUTABLE = shutil.which("thunderbird")

PREFS = {
    "marionette.port": 0,
    "mail.provider.suppress_dialog_on_startup": True,
    "mail.spotlight.firstRunDone": True,
    "mailnews.start_page.enabled": False,
    "mail.shell.checkDefaultClient": False,
    "mail.rights.override": True,
    "mail.openMessageBehavior": 0,  # a message opens in a window of its own
    "datareporting.policy.dataSubmissionEnabled": False,
    "app.update.disabledForTesting": True,
    "mail.accountmanager.accounts": "account1,account2",
    "mail.accountmanager.defaultaccount": "account2",
    "mail.accountmanager.localfoldersserver": "server1",
    "mail.account.account1.server": "server1",
    "mail.server.server1.hostname": "Local Folders",
    "mail.server.server1.name": "Local Folders",
    "mail.server.server1.type": "none",
    "mail.server.server1.userName": "nobody",
    "mail.account.account2.server": "server2",
    "mail.account.account2.identities": "id1",
    "mail.server.server2.hostname": "mail.invalid",
    "mail.server.server2.name": "Secretary",
    "mail.server.server2.type": "pop3",
    "mail.server.server2.userName": "secretary",
    "mail.server.server2.login_at_startup": False,
    "mail.server.server2.check_new_mail": False,
    "mail.identity.id1.fullName": "Secretary",
    "mail.identity.id1.useremail": "secretary@example.org",
    "mail.identity.id1.valid": True,
}

OPEN_EML = """
const [path] = arguments;
const { MailUtils } = ChromeUtils.importESModule("resource:///modules/MailUtils.sys.mjs");
const file = Cc["@mozilla.org/file/local;1"].createInstance(Ci.nsIFile);
file.initWithPath(path);
const win = Services.wm.getMostRecentWindow("mail:3pane");
if (!win) return false;
MailUtils.openEMLFile(win, file, Services.io.newFileURI(file));
return true;
"""

#: What each open message shows: compose windows (drafts) and message windows (received mail).
SHOWN = """
const shown = {compose: [], read: []};
for (const w of Services.wm.getEnumerator(null)) {
  const type = w.document?.documentElement?.getAttribute("windowtype");
  if (type == "msgcompose" && w.gMsgCompose?.editor) {
    const bucket = w.document.getElementById("attachmentBucket");
    if (!bucket) continue;
    shown.compose.push({
      subject: w.document.getElementById("msgSubject").value,
      body: w.gMsgCompose.editor.outputToString("text/plain", 0),
      attachments: Array.from(bucket.itemChildren, item => item.attachment.name),
    });
  }
  if (type == "mail:messageWindow") {
    const message = w.document.getElementById("messageBrowser")?.contentWindow;
    if (!message) continue;
    const pane = message.getMessagePaneBrowser?.().contentDocument;
    if (!pane || !pane.body || !message.currentAttachments) continue;
    shown.read.push({
      subject: w.document.title,
      body: pane.body.innerText,
      attachments: message.currentAttachments.map(a => [a.name, a.contentType]),
    });
  }
}
return shown;
"""


class Thunderbird:
    """`with Thunderbird(folder) as tb:` starts it headless; `tb.script(js, *args)` runs JS."""

    def __init__(self, folder: Path) -> None:
        self.profile = folder / "profile"
        self.log = folder / "thunderbird.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.socket: socket.socket | None = None
        self.last_id = 0

    def __enter__(self) -> Thunderbird:
        assert EXECUTABLE is not None
        self.profile.mkdir(parents=True)
        (self.profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in PREFS.items())
        )
        # It reads files only: the real clock, whatever clock the suite runs on.
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and "FAKETIME" not in k}
        arguments = ["-headless", "-no-remote", "-profile", str(self.profile), "-marionette"]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [EXECUTABLE, *arguments, "-remote-allow-system-access"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )
        try:
            self._connect(deadline=time.monotonic() + 120)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _connect(self, deadline: float) -> None:
        port_file = self.profile / "MarionetteActivePort"
        while not port_file.exists() or not port_file.read_text().strip():
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"Thunderbird exited: {self.log.read_text(errors='replace')}")
            if time.monotonic() > deadline:
                raise TimeoutError("Thunderbird did not open its Marionette port")
            time.sleep(0.2)
        self.socket = socket.create_connection(("127.0.0.1", int(port_file.read_text())), 30)
        self.socket.settimeout(60)
        self._receive()  # the greeting
        self._command("WebDriver:NewSession", {"capabilities": {}})
        self._command("Marionette:SetContext", {"value": "chrome"})

    def _receive(self) -> Any:
        assert self.socket is not None
        head = b""
        while not head.endswith(b":"):
            chunk = self.socket.recv(1)
            if not chunk:
                raise ConnectionError("Thunderbird closed its Marionette port")
            head += chunk
        size = int(head[:-1])
        data = b""
        while len(data) < size:
            chunk = self.socket.recv(size - len(data))
            if not chunk:
                raise ConnectionError("Thunderbird closed its Marionette port")
            data += chunk
        return json.loads(data)

    def _command(self, name: str, parameters: dict[str, Any]) -> Any:
        assert self.socket is not None
        self.last_id += 1
        data = json.dumps([0, self.last_id, name, parameters]).encode()
        self.socket.sendall(str(len(data)).encode() + b":" + data)
        _, _, error, result = self._receive()
        if error:
            raise RuntimeError(f"{name}: {error}")
        return result

    def script(self, source: str, *arguments: Any) -> Any:
        return self._command("WebDriver:ExecuteScript", {"script": source, "args": arguments})[
            "value"
        ]

    def open_eml(self, path: Path, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not self.script(OPEN_EML, str(path)):
            if time.monotonic() > deadline:
                raise TimeoutError("Thunderbird's main window did not open")
            time.sleep(0.5)

    def shown(self, compose: int, read: int, timeout: float = 60) -> dict[str, list[dict]]:
        """What the open messages show, once `compose` drafts and `read` messages have loaded."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.script(SHOWN)
            loaded = [m for m in shown["compose"] if m["subject"] and m["body"].strip()]
            if len(loaded) >= compose and len(shown["read"]) >= read:
                time.sleep(1)  # attachments are listed just after the body
                return self.script(SHOWN)
            if time.monotonic() > deadline:
                raise TimeoutError(f"the messages did not load: {shown}")
            time.sleep(0.5)

    def __exit__(self, *exc: object) -> None:
        if self.socket is not None:
            self.socket.close()
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)

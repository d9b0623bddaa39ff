"""The sandbox clearinghouse's SFTP server: a real SSH/SFTP server (paramiko) on loopback.

Each user sees only its own folder, ``root/<user>``, as ``/``, with ``inbound`` (where
batches are uploaded) and ``outbound`` (where the answers wait) made at start. Paths are
resolved inside that folder: ``..`` stops at ``/``, absolute paths start there, and a
symbolic link leading out of it is refused.

A file *renamed* into ``inbound`` is a file received: ``on_upload(user, path)`` runs once
for it, before the rename is answered, so the answers it writes are in ``outbound`` when
the client's upload returns; calls run one at a time even when many clients upload at
once. Temporary names (``temp_suffixes``) and files written straight under their final
name do not call it: a clearinghouse only takes what a client has finished
(docs/clearinghouses-sftp.md).

Faults for tests: ``cut_after_bytes`` (an attribute, settable between uploads) lets the
next upload write that many bytes and then drops the connection; it fires once and
resets itself to ``None``.
"""

from __future__ import annotations

import contextlib
import errno
import hmac
import logging
import os
import posixpath
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import paramiko
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

__all__ = ["SftpServer"]

log = logging.getLogger(__name__)

_FOLDERS = ("inbound", "outbound")

# paramiko has no type hints: its answer codes, typed once here.
_OK: int = paramiko.SFTP_OK
_FAILURE: int = paramiko.SFTP_FAILURE
_UNSUPPORTED: int = paramiko.SFTP_OP_UNSUPPORTED
_AUTH_OK: int = paramiko.AUTH_SUCCESSFUL
_AUTH_FAILED: int = paramiko.AUTH_FAILED
_OPEN_OK: int = paramiko.OPEN_SUCCEEDED
_OPEN_REFUSED: int = paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED


def _host_key(path: Path) -> paramiko.PKey:
    """The server's host key: read from ``path``, or an Ed25519 key made once and kept
    there (mode 0600) so clients that pinned it keep trusting the sandbox."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = ed25519.Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        )
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another server made it first: use theirs
        else:
            with os.fdopen(fd, "wb") as out:
                out.write(pem)
    key: paramiko.PKey = paramiko.PKey.from_path(path)
    return key


class SftpServer:
    """A real SFTP server over ``root`` on a background thread (many clients at once)."""

    def __init__(
        self,
        root: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        host_key_path: Path,
        users: dict[str, str],
        authorized_keys: dict[str, list[str]] | None = None,
        on_upload: Callable[[str, Path], None] | None = None,
        temp_suffixes: tuple[str, ...] = (".part", ".tmp", ".filepart"),
    ) -> None:
        self.root = Path(root)
        self.host = host
        self.port = port
        self.users = dict(users)
        self.authorized_keys = {u: list(keys) for u, keys in (authorized_keys or {}).items()}
        self.on_upload = on_upload
        self.temp_suffixes = temp_suffixes
        #: Fault hook: the next upload stops after this many bytes and the connection drops.
        self.cut_after_bytes: int | None = None
        #: Whether posix-rename@openssh.com is answered (False: as servers without it, so
        #: clients fall back to the plain rename).
        self.offers_posix_rename = True
        self._key = _host_key(Path(host_key_path))
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._transports: list[paramiko.Transport] = []
        self._lock = threading.Lock()
        self._upload_lock = threading.Lock()
        self._stopping = threading.Event()

    @property
    def host_key(self) -> str:
        """ "<keytype> <base64>", as a client pins it."""
        return f"{self._key.get_name()} {self._key.get_base64()}"

    def home(self, user: str) -> Path:
        """The folder ``user`` sees as ``/`` (made with its inbound and outbound)."""
        if not user or "/" in user or user in (".", ".."):
            raise ValueError(f"{user!r} is not a usable user name")
        home = self.root / user
        for folder in _FOLDERS:
            (home / folder).mkdir(parents=True, exist_ok=True)
        return home

    # -- life cycle ------------------------------------------------------------------

    def start(self) -> SftpServer:
        """Listen (``port`` 0: a free one, then set) and serve on a background thread."""
        for user in {*self.users, *self.authorized_keys}:
            self.home(user)
        listener = socket.create_server((self.host, self.port), backlog=64)
        listener.settimeout(0.2)
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._stopping.clear()
        self._thread = threading.Thread(target=self._serve, name="sandbox-sftp", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening and hang up on every client."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with self._lock:
            transports, self._transports = self._transports, []
        for transport in transports:
            transport.close()

    def __enter__(self) -> SftpServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(None)
            transport = paramiko.Transport(conn)
            transport.add_server_key(self._key)
            transport.set_subsystem_handler("sftp", paramiko.SFTPServer, _JailedSftp)
            with self._lock:
                self._transports = [t for t in self._transports if t.is_active()]
                self._transports.append(transport)
            try:
                transport.start_server(event=threading.Event(), server=_Gate(self, transport))
            except (paramiko.SSHException, OSError, EOFError):
                transport.close()

    # -- called from the SFTP sessions ---------------------------------------------------

    def _received(self, user: str, path: Path) -> None:
        if self.on_upload is None:
            return
        with self._upload_lock:  # one at a time, whichever client sent it
            try:
                self.on_upload(user, path)
            except Exception:
                log.exception("on_upload failed for %s (the file is kept)", path.name)


class _Gate(paramiko.ServerInterface):  # type: ignore[misc]  # paramiko is untyped
    """Who may sign in (password or public key) and what they may open (SFTP only)."""

    def __init__(self, server: SftpServer, transport: paramiko.Transport) -> None:
        self.sandbox = server
        self.transport = transport
        self.user = ""

    def get_allowed_auths(self, username: str) -> str:
        return "password,publickey"

    def check_auth_password(self, username: str, password: str) -> int:
        expected = self.sandbox.users.get(username)
        if expected is not None and hmac.compare_digest(
            expected.encode("utf-8"), password.encode("utf-8")
        ):
            self.user = username
            return _AUTH_OK
        return _AUTH_FAILED

    def check_auth_publickey(self, username: str, key: paramiko.PKey) -> int:
        offered = (key.get_name(), key.get_base64())
        for line in self.sandbox.authorized_keys.get(username, []):
            parts = line.split()
            if len(parts) >= 2 and (parts[0], parts[1]) == offered:
                self.user = username
                return _AUTH_OK
        return _AUTH_FAILED

    def check_channel_request(self, kind: str, chanid: int) -> int:
        if kind == "session":
            return _OPEN_OK
        return _OPEN_REFUSED

    def check_channel_subsystem_request(self, channel: paramiko.Channel, name: str) -> bool:
        if name != "sftp":
            return False
        result: bool = super().check_channel_subsystem_request(channel, name)
        return result


def _code(exc: OSError) -> int:
    result: int = paramiko.SFTPServer.convert_errno(exc.errno)
    return result


class _Handle(paramiko.SFTPHandle):  # type: ignore[misc]
    """An open file; counts what is written for the ``cut_after_bytes`` fault."""

    def __init__(self, session: _JailedSftp, flags: int, fileobj: Any, path: Path) -> None:
        super().__init__(flags)
        self.session = session
        self.path = path
        self.readfile = fileobj
        self.writefile = fileobj

    def stat(self) -> paramiko.SFTPAttributes | int:
        try:
            return paramiko.SFTPAttributes.from_stat(os.fstat(self.readfile.fileno()))
        except OSError as exc:
            return _code(exc)

    def chattr(self, attr: paramiko.SFTPAttributes) -> int:
        try:
            paramiko.SFTPServer.set_file_attr(str(self.path), attr)
        except OSError as exc:
            return _code(exc)
        return _OK

    def write(self, offset: int, data: bytes) -> int:
        if self.session.dropped:
            return _FAILURE  # requests already queued when the connection was cut
        sandbox = self.session.sandbox
        limit = sandbox.cut_after_bytes
        if limit is not None and offset + len(data) > limit:
            sandbox.cut_after_bytes = None
            keep = data[: max(0, limit - offset)]
            if keep:
                super().write(offset, keep)
            self.writefile.flush()
            self.session.cut()
            return _FAILURE
        result: int = super().write(offset, data)
        return result


class _JailedSftp(paramiko.SFTPServerInterface):  # type: ignore[misc]
    """SFTP requests of one signed-in user, answered inside ``root/<user>``."""

    def __init__(self, server: _Gate, *args: Any, **kwargs: Any) -> None:
        super().__init__(server, *args, **kwargs)
        self.gate = server
        self.sandbox = server.sandbox
        self.user = server.user
        self.home = self.sandbox.home(self.user).resolve()
        self.dropped = False
        self.handles: list[_Handle] = []

    def session_ended(self) -> None:
        """Close what a dropped client left open (paramiko may not get to it)."""
        for handle in self.handles:
            handle.close()
        self.handles = []

    def cut(self) -> None:
        """Drop the connection abruptly, as a network cut does."""
        self.dropped = True
        sock = self.gate.transport.sock
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def _real(self, path: str) -> Path:
        """The file behind an SFTP path; PermissionError when it would leave the home."""
        if "\x00" in path:
            raise PermissionError(errno.EACCES, "NUL in path")
        clean = posixpath.normpath("/" + path).lstrip("/")
        real = self.home / clean if clean else self.home
        resolved = real.resolve()
        if resolved != self.home and self.home not in resolved.parents:
            raise PermissionError(errno.EACCES, f"{path} leaves the user's folder")
        return real

    def _answer(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except OSError as exc:
            return _code(exc)

    def canonicalize(self, path: str) -> str:
        return posixpath.normpath("/" + path)

    def list_folder(self, path: str) -> list[paramiko.SFTPAttributes] | int:
        def listing() -> list[paramiko.SFTPAttributes]:
            folder = self._real(path)
            out = []
            for name in sorted(os.listdir(folder)):
                attr = paramiko.SFTPAttributes.from_stat(os.lstat(folder / name))
                attr.filename = name
                out.append(attr)
            return out

        result: list[paramiko.SFTPAttributes] | int = self._answer(listing)
        return result

    def stat(self, path: str) -> paramiko.SFTPAttributes | int:
        result: paramiko.SFTPAttributes | int = self._answer(
            lambda: paramiko.SFTPAttributes.from_stat(os.stat(self._real(path)))
        )
        return result

    def lstat(self, path: str) -> paramiko.SFTPAttributes | int:
        result: paramiko.SFTPAttributes | int = self._answer(
            lambda: paramiko.SFTPAttributes.from_stat(os.lstat(self._real(path)))
        )
        return result

    def open(self, path: str, flags: int, attr: paramiko.SFTPAttributes) -> _Handle | int:
        try:
            real = self._real(path)
            mode = getattr(attr, "st_mode", None) or 0o644
            fd = os.open(real, flags | os.O_NOFOLLOW, mode & 0o777)
        except OSError as exc:
            return _code(exc)
        if flags & os.O_WRONLY:
            how = "ab" if flags & os.O_APPEND else "wb"
        elif flags & os.O_RDWR:
            how = "a+b" if flags & os.O_APPEND else "r+b"
        else:
            how = "rb"
        handle = _Handle(self, flags, os.fdopen(fd, how), real)
        self.handles = [h for h in self.handles if not h.readfile.closed]
        self.handles.append(handle)
        return handle

    def _do(self, call: Callable[[Path], None], path: str) -> int:
        try:
            call(self._real(path))
        except OSError as exc:
            return _code(exc)
        return _OK

    def remove(self, path: str) -> int:
        return self._do(os.remove, path)

    def rename(self, oldpath: str, newpath: str) -> int:
        """SSH_FXP_RENAME: refuses to overwrite (draft-ietf-secsh-filexfer-02 6.5)."""
        return self._move(oldpath, newpath, overwrite=False)

    def posix_rename(self, oldpath: str, newpath: str) -> int:
        """posix-rename@openssh.com: replaces the target in one step."""
        if not self.sandbox.offers_posix_rename:
            return _UNSUPPORTED
        return self._move(oldpath, newpath, overwrite=True)

    def _move(self, oldpath: str, newpath: str, *, overwrite: bool) -> int:
        try:
            old, new = self._real(oldpath), self._real(newpath)
            if not overwrite and os.path.lexists(new):
                return _FAILURE
            os.replace(old, new)
        except OSError as exc:
            return _code(exc)
        received = new.parent.resolve() == self.home / "inbound" and not any(
            new.name.lower().endswith(s) for s in self.sandbox.temp_suffixes
        )
        if received and new.is_file():
            self.sandbox._received(self.user, new)
        return _OK

    def mkdir(self, path: str, attr: paramiko.SFTPAttributes) -> int:
        return self._do(os.mkdir, path)

    def rmdir(self, path: str) -> int:
        return self._do(os.rmdir, path)

    def chattr(self, path: str, attr: paramiko.SFTPAttributes) -> int:
        def change() -> int:
            paramiko.SFTPServer.set_file_attr(str(self._real(path)), attr)
            return _OK

        result: int = self._answer(change)
        return result

    def readlink(self, path: str) -> int:
        return _UNSUPPORTED

    def symlink(self, target_path: str, path: str) -> int:
        return _UNSUPPORTED

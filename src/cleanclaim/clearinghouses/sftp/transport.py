"""The SFTP transport: batches up to a clearinghouse's inbound folder, answers back from its
outbound folder (no Django here; the ``sftp`` and ``sandbox`` plug-ins wire it to a
connection).

How a file is sent (:meth:`SftpTransport.upload`):

1. the final name is looked up in the inbound folder: already there with the same bytes
   (a batch cut after its rename and sent again) is ``already_there`` and nothing is sent;
   there with other bytes is refused;
2. the bytes go to ``<name><temp_suffix>`` (``.part``), truncating what a cut upload left;
3. the temporary file is renamed to the final name: ``posix-rename@openssh.com`` first (one
   atomic step), else, when the server answers that it does not support it, the plain
   SFTP rename (SSH_FXP_RENAME, which refuses to overwrite).

A clearinghouse only picks up final names, so it never reads half a file.

How answers are collected: :meth:`~SftpTransport.list_outbound` lists the regular files of
the outbound folder matching ``collect_patterns`` (shell patterns, case-insensitive);
:meth:`~SftpTransport.fetch` reads one; :meth:`~SftpTransport.done` archives, deletes or
keeps it (``after_collect``). Folder names are settings because clearinghouses name them
from either side: "inbound" is the clearinghouse's inbound (where we upload) in most, but
some call that folder "outbound" (it is outbound from us) -- swap them in the settings.

The host key is pinned on first use (``pinned_host_key`` empty: the key seen is accepted
and exposed as :attr:`SftpTransport.host_key` for the caller to store); afterwards a
different key is refused before any credential is sent. Every failure is an
:class:`SftpError` whose ``message`` names the host in plain words; no password, key or
traceback is ever in it.
"""

from __future__ import annotations

import base64
import contextlib
import fnmatch
import hashlib
import io
import posixpath
import socket
import stat
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import paramiko
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

__all__ = [
    "AFTER_COLLECT",
    "AuthFailed",
    "HostKeyMismatch",
    "RemoteFile",
    "SftpError",
    "SftpSettings",
    "SftpTransport",
    "TransferCut",
    "Unreachable",
    "Uploaded",
    "fingerprint",
]

#: What :meth:`SftpTransport.done` does with a collected file.
AFTER_COLLECT = ("archive", "delete", "keep")

_CHUNK = 32768


@dataclass
class SftpSettings:
    """Where and how to reach one clearinghouse's SFTP server.

    ``password``, ``private_key`` and ``private_key_passphrase`` are secrets: they are
    left out of ``repr`` so a logged settings object shows none of them.
    """

    host: str
    port: int = 22
    username: str = ""
    password: str = field(default="", repr=False)
    #: PEM or OpenSSH text of an RSA, Ed25519 or ECDSA private key.
    private_key: str = field(default="", repr=False)
    #: "<keytype> <base64>", as in known_hosts; empty: accept and pin on first use.
    pinned_host_key: str = ""
    inbound_dir: str = "inbound"
    outbound_dir: str = "outbound"
    temp_suffix: str = ".part"
    collect_patterns: tuple[str, ...] = ("*.999", "*.ta1", "*.277", "*.835", "*.x12")
    after_collect: str = "archive"
    archive_dir: str = "archive"
    #: Seconds allowed to connect, for the banner, the key exchange, authentication and
    #: each SFTP request.
    timeout: float = 30.0
    private_key_passphrase: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        if self.after_collect not in AFTER_COLLECT:
            raise ValueError(f"after_collect must be one of {AFTER_COLLECT}")
        if not self.temp_suffix:
            raise ValueError("temp_suffix must not be empty (uploads go to a temporary name)")
        self.collect_patterns = tuple(self.collect_patterns)


@dataclass(frozen=True)
class Uploaded:
    """A file now under its final name in the inbound folder."""

    name: str
    sha256: str
    #: The same bytes were already there under that name: nothing was sent.
    already_there: bool


@dataclass(frozen=True)
class RemoteFile:
    """A file waiting in the outbound folder (``mtime``: seconds since the epoch)."""

    name: str
    size: int
    mtime: int


class SftpError(Exception):
    """An SFTP exchange failed; ``message`` says so in plain words, naming the host."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class HostKeyMismatch(SftpError):
    """The server showed a host key other than the pinned one (refused before signing in)."""


class AuthFailed(SftpError):
    """The server refused the user name, password or key."""


class Unreachable(SftpError):
    """Nothing answered at the host and port, or not as an SSH server, within the timeout."""


class TransferCut(SftpError):
    """The connection dropped (or stopped answering) during a transfer."""


def fingerprint(host_key: str) -> str:
    """OpenSSH's ``SHA256:...`` fingerprint of a "<keytype> <base64>" key."""
    parts = host_key.split()
    blob = base64.b64decode(parts[1]) if len(parts) > 1 else b""
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("=")
    return f"SHA256:{digest}"


def _bare(name: str) -> str:
    """A file name without any folder part (names come from batches and listings)."""
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise SftpError(f"{name!r} is not a plain file name")
    return name


def _load_key(text: str, passphrase: str) -> paramiko.PKey:
    """The private key in PEM or OpenSSH text (RSA, Ed25519 or ECDSA)."""
    data = text.encode("utf-8")
    secret = passphrase.encode("utf-8") or None
    try:
        try:
            loaded: Any = serialization.load_ssh_private_key(data, password=secret)
        except ValueError:
            loaded = serialization.load_pem_private_key(data, password=secret)
    except (ValueError, TypeError) as exc:
        kind = "passphrase" if "password" in str(exc).lower() else "text"
        raise AuthFailed(f"the private key could not be read (check its {kind})") from None
    key_class: Any
    if isinstance(loaded, rsa.RSAPrivateKey):
        key_class = paramiko.RSAKey
    elif isinstance(loaded, ed25519.Ed25519PrivateKey):
        key_class = paramiko.Ed25519Key
    elif isinstance(loaded, ec.EllipticCurvePrivateKey):
        key_class = paramiko.ECDSAKey
    else:
        raise AuthFailed("the private key is not RSA, Ed25519 or ECDSA")
    try:
        key: paramiko.PKey = key_class.from_private_key(io.StringIO(text), password=secret)
    except (paramiko.SSHException, ValueError):
        raise AuthFailed("the private key could not be read (check its passphrase)") from None
    return key


def _preferred_key_types(pinned_type: str, offered: tuple[str, ...]) -> tuple[str, ...]:
    """Host key algorithms with the pinned key's first, so a server holding several host
    keys shows the one we pinned."""
    rsa_names = ("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa")
    wanted: tuple[str, ...] = rsa_names if pinned_type == "ssh-rsa" else (pinned_type,)
    first = tuple(t for t in offered if t in wanted)
    return first + tuple(t for t in offered if t not in first)


class SftpTransport:
    """One connection to one clearinghouse SFTP server (a context manager).

    Methods connect on first use; :meth:`close` (or leaving the ``with`` block) hangs up.
    """

    def __init__(self, settings: SftpSettings) -> None:
        self.settings = settings
        #: The host key the server showed ("<keytype> <base64>"), once connected.
        self.host_key = ""
        self._transport: paramiko.Transport | None = None
        self._sftp: paramiko.SFTPClient | None = None

    # -- connection --------------------------------------------------------------------

    @property
    def _where(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    def __enter__(self) -> SftpTransport:
        self.connect()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def connect(self) -> None:
        """Reach the server, check its host key, sign in and open the SFTP channel."""
        if self._sftp is not None:
            return
        s = self.settings
        try:
            sock = socket.create_connection((s.host, s.port), timeout=s.timeout)
        except TimeoutError:
            raise Unreachable(
                f"the SFTP server {self._where} did not answer within {s.timeout:g} seconds"
            ) from None
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            raise Unreachable(
                f"the SFTP server {self._where} could not be reached ({reason})"
            ) from None
        transport = paramiko.Transport(sock)
        self._transport = transport
        try:
            self._handshake(transport)
            self._check_host_key(transport)
            self._sign_in(transport)
            sftp = paramiko.SFTPClient.from_transport(transport)
            if sftp is None:
                raise Unreachable(f"the SFTP server {self._where} refused the SFTP channel")
            sftp.get_channel().settimeout(s.timeout)
            self._sftp = sftp
        except SftpError:
            self.close()
            raise
        except (paramiko.SSHException, OSError, EOFError):
            self.close()
            raise Unreachable(
                f"the SFTP server {self._where} dropped the connection while signing in"
            ) from None

    def _handshake(self, transport: paramiko.Transport) -> None:
        s = self.settings
        transport.banner_timeout = s.timeout
        transport.handshake_timeout = s.timeout
        transport.auth_timeout = s.timeout
        transport.channel_timeout = s.timeout
        if s.pinned_host_key:
            options = transport.get_security_options()
            pinned_type = s.pinned_host_key.split()[0]
            options.key_types = _preferred_key_types(pinned_type, tuple(options.key_types))
        try:
            transport.start_client(timeout=s.timeout)
            # start_client returns, without raising, when the time is up mid-negotiation
            done = transport.is_active() and transport.host_key is not None
        except (paramiko.SSHException, OSError, EOFError):
            done = False
        if not done:
            raise Unreachable(
                f"{self._where} did not complete an SSH handshake within {s.timeout:g} seconds"
                " (is it an SFTP server?)"
            ) from None

    def _check_host_key(self, transport: paramiko.Transport) -> None:
        key = transport.get_remote_server_key()
        self.host_key = f"{key.get_name()} {key.get_base64()}"
        pinned = self.settings.pinned_host_key.strip()
        if pinned and pinned.split()[:2] != self.host_key.split()[:2]:
            raise HostKeyMismatch(
                f"the SFTP server {self._where} showed a different host key than the one "
                f"pinned: pinned {fingerprint(pinned)}, shown {fingerprint(self.host_key)}."
                " Nothing was sent. If the clearinghouse changed its key, check the new "
                "fingerprint with them before pinning it."
            )

    def _sign_in(self, transport: paramiko.Transport) -> None:
        s = self.settings
        who = f"{s.username!r} on the SFTP server {self._where}"
        if not s.private_key and not s.password:
            raise AuthFailed(f"no password or private key is set for {who}")
        try:
            if s.private_key:
                try:
                    transport.auth_publickey(
                        s.username, _load_key(s.private_key, s.private_key_passphrase)
                    )
                    return
                except paramiko.AuthenticationException:
                    if not s.password:
                        raise
            transport.auth_password(s.username, s.password)
        except paramiko.BadAuthenticationType as exc:
            allowed = ", ".join(exc.allowed_types) or "none"
            raise AuthFailed(
                f"{who} cannot sign in that way (the server allows: {allowed})"
            ) from None
        except paramiko.AuthenticationException:
            raise AuthFailed(f"the password or key was refused for {who}") from None
        except AuthFailed as exc:
            raise AuthFailed(f"{exc.message}, for {who}") from None

    def close(self) -> None:
        """Hang up (safe to call twice)."""
        if self._sftp is not None:
            with contextlib.suppress(OSError, EOFError, paramiko.SSHException):
                self._sftp.close()
            self._sftp = None
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    def _client(self) -> paramiko.SFTPClient:
        self.connect()
        assert self._sftp is not None
        return self._sftp

    def _cut(self, doing: str) -> TransferCut:
        self.close()
        return TransferCut(
            f"the connection to the SFTP server {self._where} dropped while {doing};"
            " it can be sent again safely"
        )

    # -- sending -----------------------------------------------------------------------

    def upload(self, name: str, data: bytes) -> Uploaded:
        """Put ``data`` into the inbound folder as ``name``: a temporary name, then a rename."""
        name = _bare(name)
        s = self.settings
        final = posixpath.join(s.inbound_dir, name)
        temp = final + s.temp_suffix
        sha = hashlib.sha256(data).hexdigest()
        sftp = self._client()
        try:
            there = self._stat(sftp, final)
            if there is not None:
                same = there.st_size == len(data) and self._sha256(sftp, final) == sha
                if not same:
                    raise SftpError(
                        f"{name} is already in {s.inbound_dir} on the SFTP server {self._where}"
                        " with other content; it was not overwritten"
                    )
                return Uploaded(name=name, sha256=sha, already_there=True)
            with sftp.open(temp, "wb") as remote:
                remote.set_pipelined(True)
                for start in range(0, len(data), _CHUNK):
                    remote.write(data[start : start + _CHUNK])
            written = sftp.stat(temp).st_size
            if written != len(data):
                raise self._cut(f"uploading {name} ({written} of {len(data)} bytes arrived)")
            try:
                self._rename(sftp, temp, final, replace=False)
            except OSError:
                # another worker may have finished the same file first
                if self._stat(sftp, final) is None or self._sha256(sftp, final) != sha:
                    raise
                return Uploaded(name=name, sha256=sha, already_there=True)
        except SftpError:
            raise
        except PermissionError:
            raise SftpError(
                f"the SFTP server {self._where} does not let {s.username!r} write {final}"
            ) from None
        except FileNotFoundError:
            raise SftpError(
                f"the folder {s.inbound_dir!r} does not exist on the SFTP server {self._where}"
            ) from None
        except (OSError, EOFError, paramiko.SSHException):
            raise self._cut(f"uploading {name}") from None
        return Uploaded(name=name, sha256=sha, already_there=False)

    def _rename(
        self, sftp: paramiko.SFTPClient, source: str, target: str, *, replace: bool
    ) -> None:
        """posix-rename (one atomic step) where the server has it, else the plain SFTP
        rename, which refuses an existing target: that target is removed first only when
        ``replace`` (archiving a name seen before), never for an upload."""
        try:
            sftp.posix_rename(source, target)
            return
        except OSError as exc:
            if "unsupported" not in str(exc).lower():
                raise
        if replace and self._stat(sftp, target) is not None:
            sftp.remove(target)
        sftp.rename(source, target)

    @staticmethod
    def _stat(sftp: paramiko.SFTPClient, path: str) -> paramiko.SFTPAttributes | None:
        try:
            return sftp.stat(path)
        except FileNotFoundError:
            return None

    @staticmethod
    def _sha256(sftp: paramiko.SFTPClient, path: str) -> str:
        digest = hashlib.sha256()
        with sftp.open(path, "rb") as remote:
            remote.prefetch()
            while chunk := remote.read(_CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    # -- collecting --------------------------------------------------------------------

    def _matches(self, name: str) -> bool:
        lowered = name.lower()
        if lowered.endswith(self.settings.temp_suffix.lower()):
            return False
        return any(fnmatch.fnmatchcase(lowered, p.lower()) for p in self.settings.collect_patterns)

    def list_outbound(self) -> list[RemoteFile]:
        """The files waiting in the outbound folder that match ``collect_patterns``,
        oldest first."""
        s = self.settings
        sftp = self._client()
        try:
            entries = sftp.listdir_attr(s.outbound_dir)
        except FileNotFoundError:
            raise SftpError(
                f"the folder {s.outbound_dir!r} does not exist on the SFTP server {self._where}"
            ) from None
        except (OSError, EOFError, paramiko.SSHException):
            raise self._cut(f"listing {s.outbound_dir}") from None
        found = [
            RemoteFile(name=e.filename, size=int(e.st_size or 0), mtime=int(e.st_mtime or 0))
            for e in entries
            if e.st_mode is not None and stat.S_ISREG(e.st_mode) and self._matches(e.filename)
        ]
        return sorted(found, key=lambda f: (f.mtime, f.name))

    def fetch(self, name: str) -> bytes:
        """The bytes of one file of the outbound folder."""
        path = posixpath.join(self.settings.outbound_dir, _bare(name))
        sftp = self._client()
        try:
            with sftp.open(path, "rb") as remote:
                remote.prefetch()
                data: bytes = remote.read()
            return data
        except FileNotFoundError:
            raise SftpError(f"{path} is not on the SFTP server {self._where}") from None
        except (OSError, EOFError, paramiko.SSHException):
            raise self._cut(f"fetching {name}") from None

    def done(self, name: str) -> None:
        """A collected file is kept on our side: archive, delete or keep it there."""
        s = self.settings
        path = posixpath.join(s.outbound_dir, _bare(name))
        if s.after_collect == "keep":
            return
        sftp = self._client()
        try:
            if s.after_collect == "delete":
                sftp.remove(path)
                return
            if self._stat(sftp, s.archive_dir) is None:
                sftp.mkdir(s.archive_dir)
            self._rename(sftp, path, posixpath.join(s.archive_dir, name), replace=True)
        except FileNotFoundError:
            raise SftpError(f"{path} is not on the SFTP server {self._where}") from None
        except PermissionError:
            raise SftpError(
                f"the SFTP server {self._where} does not let {s.username!r} "
                f"{s.after_collect} {path}"
            ) from None
        except (OSError, EOFError, paramiko.SSHException):
            raise self._cut(f"moving {name} to {s.archive_dir}") from None

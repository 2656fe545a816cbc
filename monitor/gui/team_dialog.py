"""File → Open team store: where a PostgreSQL team store is, as parts or as one URL.

The dialog only asks; the window opens the store (``MainWindow.open_database``, off the GUI
thread) and hands a failure back with ``show_error``, the dialog staying open so a typo can be
fixed. The URL field and the parts fill each other (a pasted ``postgresql://`` URL is split);
the URL field never shows a password: the password lives in its own field, is used for the
connection asked for and is never kept. ``split_url``/``join_url`` do the parsing (plain Python).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from monitor.paint import theme
from monitor.paint.safe_text import plain_label
from monitor.service import StoreAddress, StoreError, join_url, needs_password, redact, split_url

HELP = ("Empty fields use libpq's defaults (PGHOST, PGPORT, PGUSER, PGDATABASE). Best leave the "
        "password empty: libpq reads it from ~/.pgpass (or the file PGPASSFILE names), and this "
        "dialog asks for one only when the server wants it. A password typed here is used to connect "
        "and never saved: the title, the log and File → Open recent show the store without it.")


class TeamStoreDialog(QDialog):
    """Ask where a team store is; ``openRequested`` carries the URL to try (password included)."""

    openRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("teamStoreDialog")
        self.setWindowTitle("Open team store")
        self._options: tuple[tuple[str, str], ...] = ()  # the URL's other parameters (sslmode…)
        self.url = self._field("teamUrl", "postgresql://user@host:5432/database")
        self.host = self._field("teamHost", "localhost, db.example.org or a socket folder /run/postgresql")
        self.port = self._field("teamPort", "5432")
        self.port.setMaxLength(5)
        self.port.setClearButtonEnabled(False)
        # Five digits wide: a wide dialog widens the names, not the port.
        self.port.setMaximumWidth(self.port.fontMetrics().horizontalAdvance("000000") + 24)
        self.database = self._field("teamDatabase", "the store's database")
        self.user = self._field("teamUser", "your PostgreSQL role")
        self.password = self._field("teamPassword", "empty: from ~/.pgpass or PGPASSFILE")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow("&URL", self.url)
        form.addRow("&Host or socket folder", self.host)
        form.addRow("P&ort", self.port)
        form.addRow("&Database", self.database)
        form.addRow("U&ser", self.user)
        form.addRow("Pass&word", self.password)
        # The error names the store with its password hidden; it may come from the server (plain text).
        self.error = plain_label("", self)
        self.error.setObjectName("teamError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.help = plain_label(HELP, self)
        self.help.setObjectName("teamHelp")
        self.help.setWordWrap(True)
        self.help.setEnabled(False)  # drawn as secondary text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.open_button = QPushButton("&Open", self)
        self.open_button.setObjectName("teamOpen")
        self.open_button.setDefault(True)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.help)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.url.textEdited.connect(self._url_edited)
        self.url.editingFinished.connect(self._show_url)
        for part in (self.host, self.port, self.database, self.user):
            part.textEdited.connect(self._show_url)
        if url:
            self.set_url(url)
        self.setMinimumWidth(460)
        self.resize(560, self.sizeHint().height())

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.setClearButtonEnabled(True)
        return field

    # -- the URL and its parts ----------------------------------------------------------

    def address(self) -> StoreAddress:
        """The store as the fields give it now (the password included)."""
        return StoreAddress(host=self.host.text().strip(), port=self.port.text().strip(),
                            database=self.database.text().strip(), user=self.user.text().strip(),
                            password=self.password.text(), options=self._options)

    def set_url(self, url: str) -> None:
        """Fill the parts from ``url`` (its password goes to the password field only)."""
        self.url.setText(url)
        self._url_edited(url)
        self._show_url()
        self.url.setCursorPosition(0)  # the start (the server) in view, not the options

    def _url_edited(self, text: str) -> None:
        try:
            address = split_url(text)
        except StoreError:
            return  # half typed: the parts keep what they hold until it reads as a URL
        self._options = address.options
        for field, value in ((self.host, address.host), (self.port, address.port),
                             (self.database, address.database), (self.user, address.user)):
            field.setText(value)
        if address.password:
            # Moved to the password field at once: a pasted password is never shown in clear.
            self.password.setText(address.password)
            self.url.setText(join_url(replace(address, password="")))

    def _show_url(self) -> None:
        """Show the parts as one URL, without the password (it stays in its own field)."""
        with suppress(StoreError):  # a port that is not a number yet: said when Open is pressed
            self.url.setText(join_url(replace(self.address(), password="")))

    # -- opening ------------------------------------------------------------------------

    def try_open(self) -> None:
        """Ask the window to open the store as given; the dialog stays open until it has."""
        try:
            url = join_url(self.address())
        except StoreError as exc:
            self.show_error(f"Port: {exc}")
            self.port.setFocus()
            return
        self.error.hide()
        self.set_busy(True)
        self.openRequested.emit(url)

    def set_busy(self, busy: bool) -> None:
        """While the window tries the store, Open is off and the dialog says what it tries."""
        self.open_button.setEnabled(not busy)
        if busy:
            self._say(f"Opening {redact(join_url(replace(self.address(), password='')))}…", error=False)

    def show_error(self, text: str) -> None:
        """Show why the store did not open (password hidden) and let the user fix the fields."""
        self.set_busy(False)
        password = self.password.text()
        if password:  # the text names the store redacted already; this keeps it so whatever says it
            text = text.replace(password, "***")
        if needs_password(text):
            user = self.user.text().strip() or "your role"
            text = (f"The server asks for {user}'s password: type it below, or put it in ~/.pgpass "
                    f"so it is never asked for.\n\n{text}")
            self.password.setFocus()
        self._say(text, error=True)

    def _say(self, text: str, *, error: bool) -> None:
        self.error.setText(text)
        self.error.setStyleSheet(f"color: {theme.FAILING};" if error else "")
        self.error.show()

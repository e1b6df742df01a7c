"""BridgeDesk: structured mentorship for international medical graduates."""

__version__ = "0.1.0"
APP_NAME = "BridgeDesk"

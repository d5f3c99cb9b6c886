"""Runbook Assistant: offline crisis runbooks with a verifiable, append-only timeline."""

__version__ = "0.1.0"
APP_NAME = "Runbook Assistant"

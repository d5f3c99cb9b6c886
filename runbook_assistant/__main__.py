"""``python -m runbook_assistant`` runs the command line (no command opens the app)."""

from runbook_assistant.cli import main

if __name__ == "__main__":
    main()
